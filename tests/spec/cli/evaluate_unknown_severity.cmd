# evaluate --severity with an unknown level (exit 2).
# args: evaluate --rules rules/small.edict --severity urgent inputs/one_db.json
