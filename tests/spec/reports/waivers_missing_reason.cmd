# A waiver without a reason: exit 2 with file:line:col.
# args: evaluate --rules rules/ci.edict --waivers inputs/waivers/missing_reason.yaml inputs/plan.json
