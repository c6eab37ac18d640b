# after: null with after_unknown: true is a resource unknown until apply: the verdict is unknown, not fail.
# args: evaluate --rules rules/db.edict --format json inputs/after_null_unknown.json
