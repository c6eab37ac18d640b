# --item holding a history: the latest capture (encrypted) is judged, not a merge of all captures.
# args: config-rule --event inputs/event_oversized_fixed.json --item inputs/item_history.json
