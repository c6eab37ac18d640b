# --waivers FILE replaces the default file (an empty one here: nothing is waived).
# args: evaluate --rules ../rules/ci.edict --quiet --rule CI_BUCKET_OWNER --waivers ../inputs/waivers/empty.yaml ../inputs/plan.json
