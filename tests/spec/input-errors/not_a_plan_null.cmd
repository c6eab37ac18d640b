# JSON that is not a plan: null.
# args: evaluate inputs/null.json
