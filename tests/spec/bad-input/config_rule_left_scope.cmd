# An event with eventLeftScope: true is NOT_APPLICABLE, whatever the rules say about the item.
# args: config-rule --event inputs/event_left_scope.json
