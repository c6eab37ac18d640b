# rules --lint checks only the rules --control selects.
# args: rules --lint --rules rules/lint_bad.edict --control CKV2_*
