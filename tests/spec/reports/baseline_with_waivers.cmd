# Waivers apply first; the baseline marks what is left.
# args: evaluate --rules rules/ci.edict --quiet --skip-rule CI_DB_SIZE --waivers inputs/waivers/valid.yaml --baseline inputs/baseline_partial.json inputs/plan.json
