# drift: a verdict that differs (Multi-AZ planned, not live), a planned bucket not yet live, a live group not in the plan (exit 1).
# args: drift --plan inputs/plan_drifted.json --live inputs/config_snapshot.json
