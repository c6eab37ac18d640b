# ALB/NLB from AWS Config: attributes from supplementaryConfiguration; the WAF and redirect rules (joins) give no live verdict.
# args: evaluate inputs/load_balancer.json
