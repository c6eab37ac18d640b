# eval --input with a file that does not exist (exit 2).
# args: eval --input inputs/nope.json "1"
