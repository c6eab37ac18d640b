# REST API stages from AWS Config: access logs, X-Ray and client certificates; execution logging and WAF (joins) give no live verdict.
# args: evaluate inputs/api_gateway_stage.json
