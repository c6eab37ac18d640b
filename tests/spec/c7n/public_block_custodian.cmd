# check-public-block over the same buckets (custodian input): the same verdicts.
# args: evaluate --rules policies/public_block.yml ../live/inputs/custodian/s3/resources.json
