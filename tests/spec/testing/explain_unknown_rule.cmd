# explain with a misspelt rule id: exit 2 with a suggestion.
# args: explain --rules rules/demo.edict DEMO_ENCRYPTD aws_ebs_volume.big inputs/plan.json
