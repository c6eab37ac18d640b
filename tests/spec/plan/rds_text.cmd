# The text report of the shipped RDS rules over inputs/rds.json: failures with the expected and
# actual value, unknowns with the attribute that decides them, then passes (skips are not listed).
# args: evaluate --rule CUSTOM_* --rule ebs-encryption-at-rest --rule s3-encryption-at-rest --rule s3-block-public-access inputs/rds.json
