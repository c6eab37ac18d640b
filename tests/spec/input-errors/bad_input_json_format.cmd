# With --format json the error still goes to stderr, and stdout stays empty.
# args: evaluate --format json inputs/malformed.json
