# test --junit naming the test file is refused.
# args: test rules_ok/ok.edict --junit rules_ok/./ok.test.yaml
