# Gate: an unknown severity in --fail-on is an error: exit 2.
# args: evaluate --rules rules/ci.edict --fail-on urgent inputs/plan.json
