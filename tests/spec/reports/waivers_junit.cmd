# Waivers in JUnit: waived cases are skipped with the waiver and reason.
# args: evaluate --rules rules/ci.edict --format junit --rule CI_BUCKET_OWNER --rule CI_DB_ENCRYPTED --waivers inputs/waivers/valid.yaml inputs/plan.json
