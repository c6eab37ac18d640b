# /dev/zero as eval --input.
# args: eval --max-input-size 1M --input /dev/zero 1
