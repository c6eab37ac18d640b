# CloudTrail trails with the buckets they write to: the log-bucket rules join on the bucket name; the data-event rules and (on Config) the logging rule give no verdict.
# args: evaluate inputs/cloudtrail.json
