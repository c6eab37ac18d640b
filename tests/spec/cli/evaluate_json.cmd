# evaluate with JSON output; input after the rule file is not taken for a second --rules value.
# args: evaluate --rules rules/small.edict inputs/one_db.json --format json
