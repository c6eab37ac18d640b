# A subcommand that never finds failures gives its own exit codes in --help (not 'failures found').
# args: check --help
