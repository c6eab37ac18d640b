# edict test RULES: a rule file brings its sibling NAME.test.yaml; every test passes (exit 0),
# and rule coverage names the rule no test checks and the asserts no test saw false.
# args: test rules/demo.edict
