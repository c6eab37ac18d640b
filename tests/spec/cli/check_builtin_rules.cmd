# check --builtin-rules compiles the rule library embedded in the binary.
# args: check --builtin-rules
