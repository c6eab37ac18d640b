# An unknown top-level key.
# args: evaluate --rules rules/ci.edict --waivers inputs/waivers/wrong_top_key.yaml inputs/plan.json
