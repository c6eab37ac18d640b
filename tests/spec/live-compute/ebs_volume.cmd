# EBS volumes from AWS Config: encryption judged; the customer-managed-key rule gives no live verdict.
# args: evaluate inputs/ebs_volume.json
