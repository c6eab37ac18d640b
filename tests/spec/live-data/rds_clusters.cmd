# AWS Config items (delivery dialect) of rds clusters: the mapped attributes give the data rules their verdicts.
# args: evaluate inputs/rds_clusters.json
