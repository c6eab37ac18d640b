# A Backup vault from AWS Config: its key ARN cannot tell an AWS-managed key from a customer one, so the KMS rule skips it.
# args: evaluate inputs/backup_vault.json
