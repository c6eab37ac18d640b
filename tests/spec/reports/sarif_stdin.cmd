# SARIF for input read from stdin: the resource as a logical location only (there is no file to point at).
# args: evaluate --rules rules/ci.edict --rule CI_BUCKET_OWNER --format sarif -
# stdin: inputs/plan.json
