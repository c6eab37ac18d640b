# A string holding bytes that are not UTF-8 (Latin-1 text).
# args: evaluate inputs/bad_utf8.json
