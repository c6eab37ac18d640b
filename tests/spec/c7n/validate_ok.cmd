# edict custodian validate: clean policies.
# args: custodian validate policies/seeds.yml policies/values.yml
