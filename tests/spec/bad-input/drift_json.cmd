# drift --format json.
# args: drift --format json --plan ../../../examples/plan.json --live ../../../examples/plan.json
