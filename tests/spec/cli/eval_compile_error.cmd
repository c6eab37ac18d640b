# eval with an expression that does not compile (exit 2).
# args: eval "1 +"
