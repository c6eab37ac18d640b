# config-rule --rule: a rule that does not check the item's type (an S3 rule on an RDS instance)
# gives NOT_APPLICABLE, as Config expects from a rule invoked out of its scope.
# args: config-rule --event inputs/rule_event_rds.json --rule s3-block-public-access
