# eval with an expression that fails at run time (exit 1).
# args: eval --input inputs/one_db.json "format_version * 2"
