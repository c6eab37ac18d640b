# The mismatch details of a failing rule test (message, explanation, trace) escape control
# characters from the test file, as the headline does.
# args: test rules_esc_detail/esc.edict
