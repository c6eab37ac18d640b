# rules --format json with nothing selected: an empty list, exit 1.
# args: rules --rules rules/library.edict --format json --type aws_lambda_function
