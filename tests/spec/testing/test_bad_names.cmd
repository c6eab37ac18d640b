# Unknown rule id, resource type and address, a rule that does not check the type, a `!ref` to
# nothing: every problem at its line (exit 2); the good test in the same file still runs.
# args: test --rules rules/demo.edict rules/cases/bad_names.test.yaml
