# Gate: an error result blocks by default: exit 1.
# args: evaluate --rules rules/ci.edict --quiet --rule CI_DB_SIZE inputs/plan.json
