# An unknown --format is a usage error.
# args: evaluate --rules rules/ci.edict --format html inputs/plan.json
