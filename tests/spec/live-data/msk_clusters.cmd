# AWS Config items (delivery dialect) of msk clusters: the mapped attributes give the data rules their verdicts.
# args: evaluate inputs/msk_clusters.json
