# disasm --rule with an id that is not in the file (exit 2).
# args: disasm rules/small.edict --rule NOPE
