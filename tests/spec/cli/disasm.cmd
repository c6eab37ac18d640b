# disasm prints the bytecode of every function and rule.
# args: disasm rules/small.edict
