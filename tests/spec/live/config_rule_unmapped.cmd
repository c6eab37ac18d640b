# config-rule: An item of an unmapped type: NOT_APPLICABLE, and the type is noted.
# args: config-rule --event inputs/rule_event_unmapped.json
