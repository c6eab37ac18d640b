# A waiver without an expiry date.
# args: evaluate --rules rules/ci.edict --waivers inputs/waivers/missing_expires.yaml inputs/plan.json
