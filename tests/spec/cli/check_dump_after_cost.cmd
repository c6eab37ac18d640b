# --dump-after cost: each rule's static cost estimate (steps per resource).
# args: check --dump-after cost ../diagnostics/e0309_expensive_rule.edict
