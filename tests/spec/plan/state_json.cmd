# A state file end to end, as JSON: resource.source is "state" and every action is "no-op".
# args: evaluate --format json --rule CUSTOM_NET_001 --rule CUSTOM_RDS_001 --rule CUSTOM_RDS_002 --rule s3-block-public-access --rule s3-encryption-at-rest inputs/state.json
