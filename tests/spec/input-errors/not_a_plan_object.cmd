# JSON that is not a plan: an object without any plan or state key.
# args: evaluate inputs/object.json
