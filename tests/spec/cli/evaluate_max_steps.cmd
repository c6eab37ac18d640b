# --max-steps N: a rule that takes more than N steps on a resource is an error there, naming the
# rule, the resource and where it stopped; the exit status is 2 and the other pairs still run.
# args: evaluate --rules ../limits/inputs/steps.edict --max-steps 50 --format json ../limits/inputs/two_dbs.json
