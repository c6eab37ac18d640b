# A baseline whose version is a number no double holds: located, never an uncaught out_of_range.
# args: evaluate --rules rules/db.edict --baseline inputs/baseline_1e400.json inputs/plan.json
