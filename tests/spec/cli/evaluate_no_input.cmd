# evaluate needs an input (exit 2).
# args: evaluate --rules rules/small.edict
