# A --baseline file that does not exist.
# args: evaluate --rules rules/ci.edict --baseline inputs/nothere.json inputs/plan.json
