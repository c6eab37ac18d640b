# --baseline: known failures are marked (not hidden), new ones counted, absent ones listed.
# args: evaluate --rules rules/ci.edict --format json --skip-rule CI_DB_SIZE --baseline inputs/baseline_partial.json inputs/plan.json
