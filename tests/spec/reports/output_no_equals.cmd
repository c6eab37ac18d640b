# --output needs FORMAT=PATH.
# args: evaluate --rules rules/ci.edict --output sarif inputs/plan.json
