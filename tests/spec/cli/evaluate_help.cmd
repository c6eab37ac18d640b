# Help for one subcommand.
# args: evaluate --help
