# A baseline file holding only a number out of range.
# args: evaluate --rules rules/db.edict --baseline inputs/number_only.json inputs/plan.json
