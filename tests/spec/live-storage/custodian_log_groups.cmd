# CloudWatch log groups from a Custodian log-group run (AWS Config does not record log groups).
# args: evaluate inputs/custodian/log-group/resources.json
