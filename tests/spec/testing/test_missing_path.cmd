# A path that does not exist: exit 2.
# args: test rules/nope.edict
