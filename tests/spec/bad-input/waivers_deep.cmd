# A waiver file nested 100000 levels deep: an error naming the file (not "bad file"), never a crash.
# args: evaluate --rules rules/db.edict --waivers inputs/deep_waivers.yaml inputs/plan.json
