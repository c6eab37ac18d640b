# baseline create needs --output.
# args: baseline create --rules rules/ci.edict inputs/plan.json
