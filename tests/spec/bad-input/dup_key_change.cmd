# Two 'after' keys in one change.
# args: evaluate --rules rules/db.edict inputs/dup_key_change.json
