# The same resources as config_snapshot.json, as a plan: the same verdicts.
# args: evaluate --rule CUSTOM_* --rule ebs-encryption-at-rest --rule s3-encryption-at-rest --rule s3-block-public-access --quiet inputs/plan_same_resources.json
