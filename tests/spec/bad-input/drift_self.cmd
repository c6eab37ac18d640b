# A plan compared with itself shows no drift (resources without identity attributes join by address).
# args: drift --plan ../../../examples/plan.json --live ../../../examples/plan.json
