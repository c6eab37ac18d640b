# evaluate --control that no rule's control matches is a usage error (exit 2).
# args: evaluate --rules rules/library.edict --control NIST-* inputs/plan.json
