# An input that does not exist.
# args: evaluate inputs/no-such-plan.json
