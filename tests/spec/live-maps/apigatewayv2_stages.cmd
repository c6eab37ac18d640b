# AWS Config API Gateway v2 stages: access logging from accessLogSettings.
# args: evaluate --rules ../../../rules inputs/apigatewayv2_stages.json
