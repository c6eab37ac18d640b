# evaluate --control CIS-*: only rules mapped to CIS run.
# args: evaluate --rules rules/library.edict --control CIS-* inputs/plan.json
