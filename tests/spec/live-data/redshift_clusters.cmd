# AWS Config items (delivery dialect) of redshift clusters: the mapped attributes give the data rules their verdicts.
# args: evaluate inputs/redshift_clusters.json
