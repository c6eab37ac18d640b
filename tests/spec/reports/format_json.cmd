# The JSON report: the fixed fields plus summary.waived and summary.baselined (0 here).
# args: evaluate --rules rules/ci.edict --format json inputs/plan.json
