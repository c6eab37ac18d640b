# Gate: --soft-fail does not hide bad input: exit 2.
# args: evaluate --rules rules/ci.edict --soft-fail inputs/missing.json
