# CloudWatch alarms from AWS Config.
# args: evaluate inputs/alarms.json
