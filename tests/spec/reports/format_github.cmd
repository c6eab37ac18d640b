# GitHub annotations: level from severity, %, CR, LF escaped in messages, ':' and ',' also in properties (the address in the title).
# args: evaluate --rules rules/ci.edict --format github inputs/plan.json
