# A truncated Config rule event: located, not 'no invokingEvent'.
# args: config-rule --rules rules/db.edict --event inputs/event_truncated.json
