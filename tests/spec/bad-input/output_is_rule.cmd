# --output naming a rule file (inside a --rules directory) is refused.
# args: evaluate --rules rules --output sarif=rules/db.edict inputs/plan.json
