# eval prints the value of an expression.
# args: eval "1 + 2 * 3"
