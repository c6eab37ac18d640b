# Waivers in the JSON report: status waived, the waiver named on the result, expired and orphaned listed.
# args: evaluate --rules rules/ci.edict --format json --waivers inputs/waivers/valid.yaml inputs/plan.json
