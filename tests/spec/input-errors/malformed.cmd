# Malformed JSON (a missing comma between two members): file, line and column, and what is wrong.
# args: evaluate inputs/malformed.json
