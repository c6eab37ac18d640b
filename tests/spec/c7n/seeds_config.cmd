# The seed policies over an AWS Config snapshot of the same buckets: the unencrypted and the public bucket fail.
# args: evaluate --rules policies/seeds.yml inputs/s3_config.json
