# --run without glob characters selects tests whose name contains it.
# args: test rules/demo.edict --run IOPS
