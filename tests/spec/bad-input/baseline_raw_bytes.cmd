# A baseline with invalid bytes and an escape sequence: the error shows them escaped.
# args: evaluate --rules rules/db.edict --baseline inputs/baseline_raw_bytes.json inputs/plan.json
