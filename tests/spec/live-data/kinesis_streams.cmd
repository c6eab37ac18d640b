# AWS Config items (delivery dialect) of kinesis streams: the mapped attributes give the data rules their verdicts.
# args: evaluate inputs/kinesis_streams.json
