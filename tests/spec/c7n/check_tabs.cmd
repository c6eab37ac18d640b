# edict check on a policy file (errors/tabs.yml): located diagnostics, never a crash.
# args: check errors/tabs.yml
