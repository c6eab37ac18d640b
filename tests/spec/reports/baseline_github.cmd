# --baseline in annotations: only new failures are annotated.
# args: evaluate --rules rules/ci.edict --format github --skip-rule CI_DB_SIZE --baseline inputs/baseline_partial.json inputs/plan.json
