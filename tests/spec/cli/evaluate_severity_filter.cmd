# evaluate --severity high keeps only rules at high or above.
# args: evaluate --rules rules/small.edict --severity high --format json inputs/one_db.json
