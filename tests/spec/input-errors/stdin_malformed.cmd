# Malformed JSON on standard input is named <stdin>.
# args: evaluate -
# stdin: inputs/malformed.json
