# Gate: every failure of the selection waived: exit 0.
# args: evaluate --rules rules/ci.edict --quiet --rule CI_BUCKET_OWNER --waivers default-waivers/.edict-waivers.yaml inputs/plan.json
