# evaluate --control and --severity combine as AND: Checkov-mapped rules at high or above.
# args: evaluate --rules rules/library.edict --control CKV_AWS_* --severity high inputs/plan.json
