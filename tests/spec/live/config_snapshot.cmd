# A Config snapshot file (delivery dialect): S3 settings from supplementaryConfiguration, one unknown type and one deleted item noted.
# args: evaluate --rule CUSTOM_* --rule ebs-encryption-at-rest --rule s3-encryption-at-rest --rule s3-block-public-access --quiet inputs/config_snapshot.json
