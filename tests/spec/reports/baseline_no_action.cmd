# baseline needs a subcommand.
# args: baseline
