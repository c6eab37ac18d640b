# evaluate --format must be text or json (exit 2).
# args: evaluate --rules rules/small.edict --format yaml inputs/one_db.json
