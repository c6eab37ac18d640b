# Gate: an error is never in a baseline: exit 1.
# args: evaluate --rules rules/ci.edict --quiet --baseline inputs/baseline_full.json inputs/plan.json
