# rules --rules with a path that does not exist is E0401 (exit 2).
# args: rules --rules rules/nothere.edict
