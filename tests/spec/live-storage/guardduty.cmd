# GuardDuty detectors from AWS Config (CloudFormation property names).
# args: evaluate inputs/guardduty.json
