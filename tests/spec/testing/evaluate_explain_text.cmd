# evaluate --explain: the text report prints a trace under each failure and error.
# args: evaluate --explain --quiet --rules rules/demo.edict inputs/plan.json
