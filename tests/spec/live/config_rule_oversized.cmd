# config-rule: An oversized-item notice holds no item: exit 2 saying what to do.
# args: config-rule --event inputs/rule_event_oversized.json
