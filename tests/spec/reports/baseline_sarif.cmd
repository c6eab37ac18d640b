# --baseline in SARIF: baselineState new or unchanged on failures.
# args: evaluate --rules rules/ci.edict --format sarif --rule CI_DB_ENCRYPTED --baseline inputs/baseline_partial.json inputs/plan.json
