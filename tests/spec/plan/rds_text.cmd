# The text report of the shipped RDS rules over inputs/rds.json: failures with the expected and
# actual value, unknowns with the attribute that decides them, then passes (skips are not listed).
# args: evaluate inputs/rds.json
