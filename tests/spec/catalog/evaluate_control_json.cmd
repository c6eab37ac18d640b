# evaluate --control with --format json: the report lists only the selected rules' results.
# args: evaluate --rules rules/library.edict --format json --control FSBP-KMS.* inputs/plan.json
