# AWS Config items (delivery dialect) of opensearch domains: the mapped attributes give the data rules their verdicts.
# args: evaluate inputs/opensearch_domains.json
