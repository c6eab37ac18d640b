# rules lists a rule source, one row per rule sorted by id, then a count.
# args: rules --rules rules/library.edict
