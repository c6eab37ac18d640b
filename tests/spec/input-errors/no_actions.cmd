# A resource_changes entry without change.actions: which entry, and what is missing.
# args: evaluate inputs/no_actions.json
