# evaluate --control with an exact id runs the rules that list it.
# args: evaluate --rules rules/library.edict --control CKV_AWS_21 inputs/plan.json
