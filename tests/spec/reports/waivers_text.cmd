# Waivers: exact, glob and ARN matches, the last day, an expired waiver, orphaned ones (with a suggestion for a misspelt rule), a waived unknown; errors are never waived.
# args: evaluate --rules rules/ci.edict --waivers inputs/waivers/valid.yaml inputs/plan.json
