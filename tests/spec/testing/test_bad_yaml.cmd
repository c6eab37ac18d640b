# A test file that is not valid YAML: exit 2, with file:line:col on stderr.
# args: test --rules rules/demo.edict rules/cases/bad_yaml.test.yaml
