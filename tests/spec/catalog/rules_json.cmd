# rules --format json: every metadata field, the doc comment, file and line.
# args: rules --rules rules/library.edict --format json
