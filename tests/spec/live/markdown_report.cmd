# The Markdown report: totals, failures by severity, failures grouped by rule (severity first).
# args: evaluate --rule CUSTOM_* --rule ebs-encryption-at-rest --rule s3-encryption-at-rest --rule s3-block-public-access --format markdown inputs/config_snapshot.json
