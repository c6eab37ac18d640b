# baseline create: the current failures, sorted, versioned, no timestamp.
# args: baseline create --rules rules/ci.edict --output baseline.out.json inputs/plan.json
# file: baseline.out.json
