# --run that selects no test is a usage error (exit 2).
# args: test rules/demo.edict --run nothing-is-called-this
