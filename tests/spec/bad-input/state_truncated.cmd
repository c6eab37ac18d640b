# A truncated state file: located, not 'not an edict state file'.
# args: evaluate --rules rules/db.edict --state inputs/state_truncated.json inputs/plan.json
