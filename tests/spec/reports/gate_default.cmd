# Gate: no options. Any fail or error blocks: exit 1.
# args: evaluate --rules rules/ci.edict --quiet --rule CI_BUCKET_OWNER inputs/plan.json
