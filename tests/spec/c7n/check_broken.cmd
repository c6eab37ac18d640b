# edict check on malformed YAML: a located error, never a crash.
# args: check errors/broken.yml
