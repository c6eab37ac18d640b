# --output naming the run's own input (spelt differently) is refused before anything is written.
# args: evaluate --rules rules/db.edict --output json=./inputs/../inputs/plan.json inputs/plan.json
