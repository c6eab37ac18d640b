# --max-input-size takes a positive size.
# args: evaluate --rules rules/db.edict --max-input-size 0 inputs/plan.json
