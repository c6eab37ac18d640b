# explain on an unknown result (exit 0): the value known only after apply.
# args: explain --rules rules/demo.edict DEMO_ENCRYPTED aws_ebs_volume.later inputs/plan.json
