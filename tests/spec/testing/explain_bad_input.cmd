# explain with an input that cannot be read: exit 2.
# args: explain --rules rules/demo.edict DEMO_ENCRYPTED aws_ebs_volume.big inputs/missing.json
