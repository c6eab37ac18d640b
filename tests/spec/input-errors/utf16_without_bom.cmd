# UTF-16 text without a byte order mark: a parse error, with a hint.
# args: evaluate inputs/utf16_no_bom.json
