# /dev/zero as a state file.
# args: evaluate --rules rules/db.edict --max-input-size 1M --state /dev/zero inputs/plan.json
