# The account-level public access block from AWS Config, with restrict_public_buckets off.
# args: evaluate inputs/s3_account_block.json
