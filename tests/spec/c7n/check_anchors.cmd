# edict check on a policy file (errors/anchors.yml): located diagnostics, never a crash.
# args: check errors/anchors.yml
