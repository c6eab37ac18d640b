# A misspelt key in a test: exit 2, with a suggestion.
# args: test --rules rules/demo.edict rules/cases/bad_key.test.yaml
