# Gate: --soft-fail does not hide a usage error: exit 2.
# args: evaluate --rules rules/ci.edict --soft-fail --rule NOPE inputs/plan.json
