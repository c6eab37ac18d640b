# evaluate --control with an exact id no rule lists: the error says ids match exactly.
# args: evaluate --rules rules/library.edict --control CIS-AWS-3 inputs/plan.json
