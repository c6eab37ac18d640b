# Custodian transfer-server records (AWS Config has no Transfer server type): FTP and a public endpoint fail.
# args: evaluate inputs/custodian/transfer/resources.json
