# Athena workgroups from AWS Config: the workgroup configuration becomes Terraform's nested blocks.
# args: evaluate inputs/athena_workgroups.json
