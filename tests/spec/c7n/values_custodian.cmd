# Value filters, list-item and blocks over the same buckets (custodian input).
# args: evaluate --rules policies/values.yml inputs/s3/resources.json
