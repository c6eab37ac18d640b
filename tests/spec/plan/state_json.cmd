# A state file end to end, as JSON: resource.source is "state" and every action is "no-op".
# args: evaluate --format json inputs/state.json
