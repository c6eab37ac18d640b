# An unknown option is a usage error (exit 2).
# args: --frobnicate
