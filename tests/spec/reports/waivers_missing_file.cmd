# A --waivers file that does not exist.
# args: evaluate --rules rules/ci.edict --waivers inputs/waivers/nothere.yaml inputs/plan.json
