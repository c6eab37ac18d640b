# evaluate with text output (exit 1: a failure).
# args: evaluate --no-color --rules rules/small.edict inputs/one_db.json
