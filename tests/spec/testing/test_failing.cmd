# A failing rule test (exit 1): expected and actual status, message, explanation and trace.
# args: test --rules rules/demo.edict rules/cases/failing.test.yaml
