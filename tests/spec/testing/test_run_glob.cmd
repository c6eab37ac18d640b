# --run with a glob selects tests by name; coverage counts only the selected tests.
# args: test rules/demo.edict --run *fails
