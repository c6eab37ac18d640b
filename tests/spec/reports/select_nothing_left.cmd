# Skipping every rule is an error.
# args: evaluate --rules rules/ci.edict --skip-rule * inputs/plan.json
