# check --werror: warnings count as errors (exit 2).
# args: check --werror rules/warning.edict
