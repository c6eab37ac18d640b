# AWS Config items (delivery dialect) of elasticsearch domains: the mapped attributes give the data rules their verdicts.
# args: evaluate inputs/elasticsearch_domains.json
