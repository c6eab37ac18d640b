# A baseline of an unknown version.
# args: evaluate --rules rules/ci.edict --baseline inputs/baseline_v9.json inputs/plan.json
