# A state file of another version is refused (and so never rewritten as version 1).
# args: evaluate --rules rules/db.edict --state inputs/state_v99.json inputs/plan.json
