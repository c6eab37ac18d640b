# Gate: an error in an info rule does not block with --fail-on low: exit 0.
# args: evaluate --rules rules/ci.edict --quiet --rule CI_DB_SIZE --fail-on low inputs/plan.json
