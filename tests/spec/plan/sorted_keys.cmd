# A plan whose keys were sorted (`jq -S`: configuration before format_version) is still read as a
# plan by the streaming loader, with the same verdicts as the original key order (workspace_a).
# args: evaluate --rule CUSTOM_* --rule ebs-encryption-at-rest --rule s3-encryption-at-rest --rule s3-block-public-access --format json --rules ../../../rules inputs/workspace_a_sorted.json
