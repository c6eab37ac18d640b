# /dev/zero as a waiver file.
# args: evaluate --rules rules/db.edict --max-input-size 1M --waivers /dev/zero inputs/plan.json
