# --baseline naming a directory is an error saying so (not 'not JSON').
# args: evaluate --rules rules/db.edict --baseline inputs inputs/plan.json
