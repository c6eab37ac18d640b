# evaluate with rules that do not compile: nothing is evaluated (exit 2).
# args: evaluate --rules rules/broken.edict inputs/one_db.json
