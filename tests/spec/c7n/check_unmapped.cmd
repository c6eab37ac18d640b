# edict check on a policy file (errors/unmapped.yml): located diagnostics, never a crash.
# args: check errors/unmapped.yml
