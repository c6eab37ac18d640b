# The text report of the report fixture: every status, escaped characters left as they are.
# args: evaluate --rules rules/ci.edict inputs/plan.json
