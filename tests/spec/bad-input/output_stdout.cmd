# --output FORMAT=- writes that report to stdout (not to a file named '-').
# args: evaluate --rules rules/db.edict --output json=- inputs/plan.json
