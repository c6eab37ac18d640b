# check: a clean file exits 0 and counts its rules.
# args: check rules/small.edict
