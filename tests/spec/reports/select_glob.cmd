# --rule and --skip-rule take ids and globs.
# args: evaluate --rules rules/ci.edict --quiet --rule CI_DB_* --skip-rule CI_DB_SIZE --skip-rule *MULTI* inputs/plan.json
