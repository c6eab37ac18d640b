# config-rule: for an oversized-item notice the caller fetches the item (get-resource-config-history)
# and passes it with --item; the evaluation names the resource from the event's summary.
# args: config-rule --event inputs/rule_event_oversized.json --item inputs/oversized_item.json
