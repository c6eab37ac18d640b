# evaluate reads the plan from stdin with '-'.
# args: evaluate --rules rules/small.edict --format json -
# stdin: inputs/one_db.json
