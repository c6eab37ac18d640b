# SARIF 2.1.0: rules[] for every rule that ran, results for fail and unknown, the rule error as a tool execution notification; the plan file as a region-less physical location, the address as a logical one, the failing assert as a related location.
# args: evaluate --rules rules/ci.edict --format sarif inputs/plan.json
