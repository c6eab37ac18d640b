# baseline create --control: the baseline holds only the selected rules' failures.
# args: baseline create --rules rules/library.edict --control CKV_AWS_* --output - inputs/plan.json
