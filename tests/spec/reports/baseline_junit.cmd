# --baseline in JUnit: known failures are skipped with a message.
# args: evaluate --rules rules/ci.edict --format junit --rule CI_DB_ENCRYPTED --baseline inputs/baseline_partial.json inputs/plan.json
