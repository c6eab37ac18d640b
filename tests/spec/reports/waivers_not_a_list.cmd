# `waivers` must be a list.
# args: evaluate --rules rules/ci.edict --waivers inputs/waivers/not_a_list.yaml inputs/plan.json
