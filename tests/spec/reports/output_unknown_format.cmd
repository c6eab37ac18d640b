# --output with an unknown format.
# args: evaluate --rules rules/ci.edict --output html=report.html inputs/plan.json
