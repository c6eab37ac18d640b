# CloudFront distributions from AWS Config: one that passes every rule and one that fails them all.
# args: evaluate inputs/cloudfront_distribution.json
