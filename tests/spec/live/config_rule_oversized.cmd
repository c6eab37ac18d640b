# config-rule: an oversized-item notice holds no item; without --item, exit 2 saying what to do.
# args: config-rule --event inputs/rule_event_oversized.json
