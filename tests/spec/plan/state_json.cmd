# A state file end to end, as JSON: resource.source is "state" and every action is "no-op".
# args: evaluate --rule CUSTOM_* --rule ebs-encryption-at-rest --rule s3-encryption-at-rest --rule s3-block-public-access --format json inputs/state.json
