# baseline create records the failures as they are: the default waiver file is not read.
# args: baseline create --rules ../rules/ci.edict --rule CI_BUCKET_OWNER --output - ../inputs/plan.json
