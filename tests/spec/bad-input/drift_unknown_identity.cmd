# A planned bucket whose name, id and arn are unknown until apply is listed as unmatched, not as drift.
# args: drift --plan inputs/plan_unknown_identity.json --live ../live/inputs/config_snapshot.json
