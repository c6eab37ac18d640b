# Custodian resources.json typed by metadata.json; encryption and PAB from the c7n annotations.
# args: evaluate --quiet inputs/custodian/s3/resources.json
