# Two --output options writing the same file.
# args: evaluate --rules rules/ci.edict --output json=out.json --output sarif=out.json inputs/plan.json
