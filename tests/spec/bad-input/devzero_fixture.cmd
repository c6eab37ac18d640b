# /dev/zero as a rule-test fixture.
# args: test --max-input-size 1M rules_zero/zero.edict
