# An unknown id in --skip-rule is an error with a suggestion.
# args: evaluate --rules rules/ci.edict --skip-rule CI_DB_ENCRYPTD inputs/plan.json
