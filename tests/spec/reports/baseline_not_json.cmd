# A baseline that is not JSON.
# args: evaluate --rules rules/ci.edict --baseline inputs/waivers/valid.yaml inputs/plan.json
