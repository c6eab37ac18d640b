# The seed policies over a Custodian resources.json: the unencrypted and the public bucket fail.
# args: evaluate --rules policies/seeds.yml inputs/s3/resources.json
