# A file that holds only whitespace is empty too.
# args: evaluate inputs/blank.json
