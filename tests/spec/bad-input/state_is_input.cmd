# --state naming an input is refused (it would be rewritten).
# args: evaluate --rules rules/db.edict --state inputs/plan.json inputs/plan.json
