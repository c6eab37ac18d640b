# check a directory: every .edict file in it, in name order (errors in one stop all).
# args: check rules
