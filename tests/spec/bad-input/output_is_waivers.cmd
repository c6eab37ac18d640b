# --output naming the waiver file is refused.
# args: evaluate --rules rules/db.edict --waivers inputs/waivers.yaml --output junit=inputs/waivers.yaml inputs/plan.json
