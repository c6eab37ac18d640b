# explain on a passing result (exit 0): every assert in full.
# args: explain --rules rules/demo.edict DEMO_BIG_TAGGED aws_ebs_volume.later inputs/plan.json
