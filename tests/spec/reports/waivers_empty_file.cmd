# An empty waiver file waives nothing.
# args: evaluate --rules rules/ci.edict --quiet --rule CI_BUCKET_OWNER --waivers inputs/waivers/empty.yaml inputs/plan.json
