# config-rule --rule: a Config rule deployed for one rule id reports only that rule's verdict: the
# same instance is COMPLIANT for CUSTOM_RDS_001 (the Multi-AZ failure belongs to another rule).
# args: config-rule --event inputs/rule_event_rds.json --rule CUSTOM_RDS_001
