# select-resource-config output: rows as JSON strings, typed by their content; the IAM role row is unknown.
# args: evaluate --quiet inputs/select_output.json
