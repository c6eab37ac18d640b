# check --dump-after with a pass that does not exist.
# args: check --dump-after parsing rules/small.edict
