# --require-coverage: all tests pass, but a rule is untested: exit 1.
# args: test --require-coverage rules/demo.edict
