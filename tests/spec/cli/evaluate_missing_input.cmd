# evaluate with an input file that does not exist (exit 2).
# args: evaluate --rules rules/small.edict inputs/nope.json
