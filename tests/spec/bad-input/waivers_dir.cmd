# --waivers naming a directory is an error (not an empty waiver file).
# args: evaluate --rules rules/db.edict --waivers inputs inputs/plan.json
