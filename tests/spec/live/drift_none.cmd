# drift: the same plan and snapshot give no drift (exit 0).
# args: drift --plan inputs/plan_same_resources.json --live inputs/config_snapshot.json
