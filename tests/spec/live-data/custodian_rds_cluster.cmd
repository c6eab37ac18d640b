# Custodian rds-cluster records (typed by metadata.json): cluster attributes from the describe record.
# args: evaluate inputs/custodian/rds-cluster/resources.json
