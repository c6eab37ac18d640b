# /dev/zero as a Config rule event.
# args: config-rule --rules rules/db.edict --max-input-size 1M --event /dev/zero
