# config-rule --rule: the Config rule for CUSTOM_RDS_002 reports that rule's failure alone.
# args: config-rule --event inputs/rule_event_rds.json --rule CUSTOM_RDS_002
