# Gate: --soft-fail wins over --fail-on: exit 0.
# args: evaluate --rules rules/ci.edict --quiet --soft-fail --fail-on info inputs/plan.json
