# Subnets from AWS Config: one maps public IPs on launch.
# args: evaluate inputs/subnet.json
