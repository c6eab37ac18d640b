# config-rule --rule with an id no rule has: exit 2 naming it (never a silent NOT_APPLICABLE).
# args: config-rule --event inputs/rule_event_rds.json --rule CUSTOM_RDS_01
