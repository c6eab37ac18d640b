# --dump-after lower: the bytecode listing (every instruction once, with its span) after lowering.
# args: check --dump-after lower rules/small.edict
