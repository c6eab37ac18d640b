# Gate: a failure not in the baseline: exit 1, however many are known.
# args: evaluate --rules rules/ci.edict --quiet --skip-rule CI_DB_SIZE --baseline inputs/baseline_partial.json inputs/plan.json
