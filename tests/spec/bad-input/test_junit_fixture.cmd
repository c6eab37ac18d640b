# test --junit naming a fixture file of a test (relative to the test file, spelt another way) is refused.
# args: test rules_fixture/fx.edict --junit rules_fixture/../rules_fixture/fixture/./plan.json
