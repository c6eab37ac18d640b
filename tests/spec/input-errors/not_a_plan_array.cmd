# JSON that is not a plan: an array.
# args: evaluate inputs/array.json
