# Gate: --fail-on medium, only low failures: exit 0.
# args: evaluate --rules rules/ci.edict --quiet --rule CI_BUCKET_OWNER --fail-on medium inputs/plan.json
