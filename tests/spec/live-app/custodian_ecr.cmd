# Custodian ecr records carry the encryption configuration, which Config items lack.
# args: evaluate inputs/custodian/ecr/resources.json
