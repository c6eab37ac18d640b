# check --dump-after resolve prints the symbol tables after that pass.
# args: check --dump-after resolve rules/small.edict
