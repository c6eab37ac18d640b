# --item holding another resource than the event names is an error.
# args: config-rule --event inputs/event_oversized_fixed.json --item inputs/item_other.json
