# The same for a state document (format_version 9.1).
# args: evaluate inputs/state_format_9.json
