# The seed policies over a Terraform plan of the same buckets: the unencrypted and the public bucket fail.
# args: evaluate --rules policies/seeds.yml inputs/s3_plan.json
