# AWS::IAM::Role items: the URL-encoded trust policy and inline policies (rolePolicyList) are read; one role trusts anyone and has an admin inline policy.
# args: evaluate inputs/iam_roles.json
