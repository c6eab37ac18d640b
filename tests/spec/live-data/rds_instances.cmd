# AWS Config items (delivery dialect) of rds instances: the mapped attributes give the data rules their verdicts.
# args: evaluate inputs/rds_instances.json
