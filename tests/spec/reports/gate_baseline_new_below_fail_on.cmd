# Gate: the only new failure is below --fail-on: exit 0.
# args: evaluate --rules rules/ci.edict --quiet --skip-rule CI_DB_SIZE --fail-on critical --baseline inputs/baseline_partial.json inputs/plan.json
