# check --max-cost N: a rule whose estimated cost passes N is an error (E0309), exit 2. FOUR
# (about 8.8e4) passes 1000 as NINE and CHAIN do; without the flag only those two warn.
# args: check --max-cost 1000 ../diagnostics/e0309_expensive_rule.edict
