# AWS Config IAM users and groups: inline policies and attached managed policies become the split policy and attachment resources the IAM rules check.
# args: evaluate --rules ../../../rules inputs/iam_users_groups.json
