# --baseline in the text report.
# args: evaluate --rules rules/ci.edict --quiet --skip-rule CI_DB_SIZE --baseline inputs/baseline_partial.json inputs/plan.json
