# Custodian firehose records: encryption from DeliveryStreamEncryptionConfiguration (only status ENABLED is encrypted); streams fed by a Kinesis stream are skipped.
# args: evaluate --rules ../../../rules inputs/custodian/firehose/resources.json
