# A glob that matches no rule is an error, not an empty run.
# args: evaluate --rules rules/ci.edict --rule NET_* inputs/plan.json
