# /dev/zero as a baseline file.
# args: evaluate --rules rules/db.edict --max-input-size 1M --baseline /dev/zero inputs/plan.json
