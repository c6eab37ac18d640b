# edict check on a policy file (errors/policy_keys.yml): located diagnostics, never a crash.
# args: check errors/policy_keys.yml
