# /dev/zero as a rule file.
# args: evaluate --max-input-size 1M --rules /dev/zero inputs/plan.json
