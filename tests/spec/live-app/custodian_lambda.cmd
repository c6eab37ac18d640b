# Custodian lambda records carry environment variables, so the env-var KMS rule applies.
# args: evaluate inputs/custodian/lambda/resources.json
