# edict custodian validate refuses a file that is not a policy file.
# args: custodian validate inputs/s3_plan.json
