# --severity and --fail-on accept any case.
# args: evaluate --rules rules/db.edict --severity HIGH --fail-on High inputs/plan.json
