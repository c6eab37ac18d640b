# A transit gateway from AWS Config that accepts shared attachments automatically.
# args: evaluate inputs/transit_gateway.json
