# AWS Config items (delivery dialect) of dynamodb tables: the mapped attributes give the data rules their verdicts.
# args: evaluate inputs/dynamodb_tables.json
