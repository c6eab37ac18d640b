# baseline create --output - writes to stdout; --rule and --skip-rule select as for evaluate.
# args: baseline create --rules rules/ci.edict --rule CI_DB_* --skip-rule CI_DB_BACKUPS --output - inputs/plan.json
