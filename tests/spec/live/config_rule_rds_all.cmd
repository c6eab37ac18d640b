# config-rule: an encrypted production RDS instance without Multi-AZ: with the whole library one
# rule passes (CUSTOM_RDS_001) and one fails (CUSTOM_RDS_002), so the item is NON_COMPLIANT.
# args: config-rule --event inputs/rule_event_rds.json
