# Waivers in SARIF: accepted external suppressions; expired and orphaned waivers as configuration notifications.
# args: evaluate --rules rules/ci.edict --format sarif --rule CI_DB_* --skip-rule CI_DB_SIZE --skip-rule CI_DB_BACKUPS --waivers inputs/waivers/valid.yaml inputs/plan.json
