# edict check on a policy file (errors/live.yml): located diagnostics, never a crash.
# args: check errors/live.yml
