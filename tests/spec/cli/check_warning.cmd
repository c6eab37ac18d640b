# check: warnings alone exit 0.
# args: check rules/warning.edict
