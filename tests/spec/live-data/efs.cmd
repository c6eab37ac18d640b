# AWS Config items (delivery dialect) of efs: the mapped attributes give the data rules their verdicts.
# args: evaluate inputs/efs.json
