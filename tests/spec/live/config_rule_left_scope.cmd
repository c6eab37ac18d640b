# config-rule: an event whose resource left the rule's scope (eventLeftScope) is NOT_APPLICABLE
# and not evaluated, although the same unencrypted volume fails in scope.
# args: config-rule --event inputs/rule_event_left_scope.json
