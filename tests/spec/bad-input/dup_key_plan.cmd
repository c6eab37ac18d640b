# Two storage_encrypted keys in one object: an error at the second, not the first one silently kept.
# args: evaluate --rules rules/db.edict inputs/dup_key_plan.json
