# eval --rules makes the functions of rule files callable.
# args: eval --rules rules/small.edict --input inputs/one_db.json "cli.small.encrypted(resource_changes[0].change.after)"
