# As two_workspaces.cmd, as JSON: each result's resource.file says which plan it came from.
# args: evaluate --rule CUSTOM_* --rule ebs-encryption-at-rest --rule s3-encryption-at-rest --rule s3-block-public-access --format json inputs/workspace_a.json inputs/workspace_b.json
