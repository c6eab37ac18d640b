# Waivers in annotations: waived findings are only counted; expired and orphaned waivers are warnings on their line.
# args: evaluate --rules rules/ci.edict --format github --waivers inputs/waivers/valid.yaml inputs/plan.json
