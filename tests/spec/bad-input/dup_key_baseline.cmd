# Two 'findings' keys in a baseline.
# args: evaluate --rules rules/db.edict --baseline inputs/baseline_dup_key.json inputs/plan.json
