# A rule that fails at run time: expecting error passes; expecting pass fails (exit 1) and the
# trace ends at the error, with the values computed before it.
# args: test --rules rules/demo.edict rules/cases/erroring.test.yaml
