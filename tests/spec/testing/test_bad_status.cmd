# A status that does not exist: exit 2, with a suggestion.
# args: test --rules rules/demo.edict rules/cases/bad_status.test.yaml
