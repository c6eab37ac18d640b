# Gate: --fail-on critical with a critical failure among others: exit 1.
# args: evaluate --rules rules/ci.edict --quiet --fail-on critical inputs/plan.json
