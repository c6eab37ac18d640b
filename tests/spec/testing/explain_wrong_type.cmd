# explain with a resource the rule does not check: exit 2.
# args: explain --rules rules/demo.edict DEMO_ENCRYPTED aws_s3_bucket.logs inputs/plan.json
