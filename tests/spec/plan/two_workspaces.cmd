# Two plans in one run whose resources have the same addresses: the results are kept apart by
# file. Text report of the shipped rules.
# args: evaluate --rule CUSTOM_* --rule ebs-encryption-at-rest --rule s3-encryption-at-rest --rule s3-block-public-access inputs/workspace_a.json inputs/workspace_b.json
