# check-public-block over the same buckets (plan input): the same verdicts.
# args: evaluate --rules policies/public_block.yml ../live/inputs/plan_same_resources.json
