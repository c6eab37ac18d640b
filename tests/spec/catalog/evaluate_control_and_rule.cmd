# evaluate --control and --rule combine as AND: CIS rules whose id starts s3-.
# args: evaluate --rules rules/library.edict --control CIS-* --rule s3-* inputs/plan.json
