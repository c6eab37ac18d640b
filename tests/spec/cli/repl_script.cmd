# The REPL reads plain lines when stdin is not a terminal: commands, expressions against the :use
# resource, multi-line rules run at once, a def redefined in a file's package, errors followed by
# recovery, and :quit (the line after it is never read). Exit status 1: some input failed.
# args: repl --rules rules/small.edict inputs/one_db.json
# stdin: scripts/repl_session.txt
