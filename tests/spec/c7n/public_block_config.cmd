# check-public-block over the same buckets (config input): the same verdicts.
# args: evaluate --rules policies/public_block.yml ../live/inputs/config_snapshot.json
