# check without paths or --builtin-rules is a usage error.
# args: check
