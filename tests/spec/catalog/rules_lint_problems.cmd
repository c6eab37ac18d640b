# rules --lint names FILE:LINE of each rule with missing metadata or misspelt controls (exit 1).
# args: rules --lint --rules rules/lint_bad.edict
