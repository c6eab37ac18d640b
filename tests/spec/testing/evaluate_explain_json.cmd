# evaluate --explain --format json: a "trace" array of lines on failing and erroring results only.
# args: evaluate --explain --format json --rules rules/demo.edict inputs/plan.json
