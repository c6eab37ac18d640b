# A plan cut off in the middle of a string: where the text ends.
# args: evaluate inputs/truncated.json
