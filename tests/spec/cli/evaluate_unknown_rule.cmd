# evaluate --rule with an unknown id: did-you-mean, exit 2.
# args: evaluate --rules rules/small.edict --rule SMALL_MULTIAZ inputs/one_db.json
