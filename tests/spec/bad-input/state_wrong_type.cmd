# A state file with a field of the wrong type: exit 2 before evaluation, no report, with the field's path.
# args: evaluate --rules rules/db.edict --state inputs/state_wrong_type.json inputs/plan.json
