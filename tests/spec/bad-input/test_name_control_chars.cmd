# Test names from a test file are escaped in the test listing.
# args: test rules_esc/esc.edict
