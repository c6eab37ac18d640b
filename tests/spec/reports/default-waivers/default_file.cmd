# Without --waivers, .edict-waivers.yaml in the current directory is read.
# args: evaluate --rules ../rules/ci.edict --quiet --rule CI_BUCKET_OWNER ../inputs/plan.json
