# explain on a run-time error (exit 1): the values computed before the error.
# args: explain --rules rules/demo.edict DEMO_SIZE_PER_IOPS aws_ebs_volume.small inputs/plan.json
