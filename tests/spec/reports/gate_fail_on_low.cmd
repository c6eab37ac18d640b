# Gate: --fail-on low, low failures: exit 1.
# args: evaluate --rules rules/ci.edict --quiet --rule CI_BUCKET_OWNER --fail-on low inputs/plan.json
