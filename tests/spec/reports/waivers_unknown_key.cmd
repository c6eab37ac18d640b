# An unknown key, with a suggestion.
# args: evaluate --rules rules/ci.edict --waivers inputs/waivers/unknown_key.yaml inputs/plan.json
