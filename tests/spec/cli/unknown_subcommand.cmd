# An unknown subcommand is a usage error (exit 2).
# args: frobnicate
