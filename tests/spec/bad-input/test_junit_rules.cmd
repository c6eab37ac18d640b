# test --junit naming the rule file under test is refused.
# args: test rules_ok/ok.edict --junit rules_ok/ok.edict
