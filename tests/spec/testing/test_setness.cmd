# Fixture tags for set versus unknown (`is_set`): !unknown set, !unknown unset, !ref, bare !unknown.
# args: test rules/setness/setness.edict
