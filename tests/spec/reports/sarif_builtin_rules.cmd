# SARIF with the shipped rules: no related location in rule files that are not the user's.
# args: evaluate --format sarif --rule CUSTOM_RDS_001 ../../../examples/plan.json
