# baseline create --output naming its input is refused.
# args: baseline create --rules rules/db.edict --output inputs/plan.json inputs/plan.json
