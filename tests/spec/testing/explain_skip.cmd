# explain on a skipped result (exit 0): the guard that was false.
# args: explain --rules rules/demo.edict DEMO_BIG_TAGGED aws_ebs_volume.small inputs/plan.json
