# --markdown-limit caps the offending resources listed under each rule ("... and N more").
# args: evaluate --rule CUSTOM_* --rule ebs-encryption-at-rest --rule s3-encryption-at-rest --rule s3-block-public-access --format markdown --markdown-limit 1 ../../../examples/plan.json
