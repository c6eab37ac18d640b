# The same input given twice (spelt differently) is read once, with a note.
# args: evaluate --rules rules/db.edict inputs/plan.json ./inputs/plan.json
