# E0401: a rule file that cannot be read (exit 2).
# args: check no_such_file.edict
