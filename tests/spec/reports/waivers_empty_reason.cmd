# An empty reason is no reason.
# args: evaluate --rules rules/ci.edict --waivers inputs/waivers/empty_reason.yaml inputs/plan.json
