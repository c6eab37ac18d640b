# rules --type glob and --control combine as AND.
# args: rules --rules rules/library.edict --type aws_s3_* --control CIS-*
