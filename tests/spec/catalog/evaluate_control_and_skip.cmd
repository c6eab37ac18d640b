# evaluate --control and --skip-rule: a selection that leaves no rule is an error.
# args: evaluate --rules rules/library.edict --control CIS-AWS-5.2 --skip-rule sg-* inputs/plan.json
