# Value filters, list-item and blocks over the same buckets (config input).
# args: evaluate --rules policies/values.yml inputs/s3_config.json
