# Custodian eks records: the enabled clusterLogging group gives the log types; a public endpoint limited to one CIDR.
# args: evaluate inputs/custodian/eks/resources.json
