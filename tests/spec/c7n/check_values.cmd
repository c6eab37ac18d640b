# edict check on a policy file (errors/values.yml): located diagnostics, never a crash.
# args: check errors/values.yml
