# aws.iam-user policies over a Custodian resources.json.
# args: evaluate --rules policies/iam.yml inputs/iam/resources.json
