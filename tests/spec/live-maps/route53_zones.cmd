# AWS Config hosted zones: VPCs make a zone private, QueryLoggingConfig becomes an aws_route53_query_log; DNSSEC is not recorded, so that rule skips live zones.
# args: evaluate --rules ../../../rules inputs/route53_zones.json
