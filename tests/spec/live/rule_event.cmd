# A Config rule event: the CI inside the invokingEvent string.
# args: evaluate --quiet inputs/rule_event.json
