# /dev/zero as a plan: stops at --max-input-size with a clear error, never bad_alloc.
# args: evaluate --rules rules/db.edict --max-input-size 1M /dev/zero
