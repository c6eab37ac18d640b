# Gate: every failure in the baseline (and no error): exit 0.
# args: evaluate --rules rules/ci.edict --quiet --skip-rule CI_DB_SIZE --baseline inputs/baseline_full.json inputs/plan.json
