# --markdown-limit 0: a plain message, no floating-point range.
# args: evaluate --rules rules/db.edict --format markdown --markdown-limit 0 inputs/plan.json
