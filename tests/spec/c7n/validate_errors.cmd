# edict custodian validate: located errors, exit 2.
# args: custodian validate errors/live.yml
