# Custodian opensearch records: nested options become blocks; log options keyed by type become log_publishing_options.
# args: evaluate inputs/custodian/opensearch/resources.json
