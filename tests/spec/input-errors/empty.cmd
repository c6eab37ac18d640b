# An empty file (zero bytes).
# args: evaluate inputs/empty.json
