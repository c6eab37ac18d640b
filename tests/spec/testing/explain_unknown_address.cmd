# explain with a misspelt address: exit 2 with a suggestion.
# args: explain --rules rules/demo.edict DEMO_ENCRYPTED aws_ebs_volume.bigg inputs/plan.json
