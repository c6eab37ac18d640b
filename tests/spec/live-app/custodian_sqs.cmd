# Custodian sqs records carry the queue policy: a policy open to * fails; a queue without a policy skips the policy rule.
# args: evaluate inputs/custodian/sqs/resources.json
