# Gate: --soft-fail with failures: exit 0.
# args: evaluate --rules rules/ci.edict --quiet --soft-fail inputs/plan.json
