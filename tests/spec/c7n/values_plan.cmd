# Value filters, list-item and blocks over the same buckets (plan input).
# args: evaluate --rules policies/values.yml inputs/s3_plan.json
