# config-rule: A compliant item: COMPLIANT with the count of passing rules.
# args: config-rule --event inputs/rule_event.json
