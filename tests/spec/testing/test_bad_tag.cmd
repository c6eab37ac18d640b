# `!unknown` with a value: exit 2.
# args: test --rules rules/demo.edict rules/cases/bad_tag.test.yaml
