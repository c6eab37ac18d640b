# The same resources as config_snapshot.json, as a plan: the same verdicts.
# args: evaluate --quiet inputs/plan_same_resources.json
