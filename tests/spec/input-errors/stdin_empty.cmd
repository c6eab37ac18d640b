# Empty standard input.
# args: evaluate -
# stdin: inputs/empty.json
