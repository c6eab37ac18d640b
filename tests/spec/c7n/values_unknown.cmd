# A plan whose tags are known only after apply: tag filters are UNKNOWN, not guessed.
# args: evaluate --rules policies/values.yml inputs/s3_plan_unknown.json
