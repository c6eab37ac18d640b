# A report that cannot be written is exit 2, and no stdout report (the files are written first).
# args: evaluate --rules rules/ci.edict --rule CI_BUCKET_OWNER --quiet --output sarif=no-such-dir/out.sarif inputs/plan.json
