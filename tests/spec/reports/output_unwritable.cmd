# A report that cannot be written is exit 2, after the stdout report.
# args: evaluate --rules rules/ci.edict --rule CI_BUCKET_OWNER --quiet --output sarif=no-such-dir/out.sarif inputs/plan.json
