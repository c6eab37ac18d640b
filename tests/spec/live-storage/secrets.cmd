# Secrets Manager secrets from AWS Config: KMSKeyId is absent for the AWS-managed key; rotation from RotationEnabled.
# args: evaluate inputs/secrets.json
