# evaluate --control repeated: a rule runs when any of its controls matches any of them.
# args: evaluate --rules rules/library.edict --control FSBP-* --control CIS-AWS-5.2 inputs/plan.json
