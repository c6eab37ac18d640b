# An expiry date that does not exist.
# args: evaluate --rules rules/ci.edict --waivers inputs/waivers/bad_date.yaml inputs/plan.json
