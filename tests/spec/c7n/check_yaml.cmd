# edict check on a policy file (errors/yaml.yml): located diagnostics, never a crash.
# args: check errors/yaml.yml
