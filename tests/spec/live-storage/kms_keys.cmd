# KMS keys from AWS Config: rotation and the key policy come from supplementaryConfiguration.
# args: evaluate inputs/kms_keys.json
