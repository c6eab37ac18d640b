# E0401: a rule directory with no .edict files in it.
# args: check rules/empty_dir
