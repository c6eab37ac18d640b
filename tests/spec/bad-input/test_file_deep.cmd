# A rule-test file nested 3000 levels deep: an error naming the file, not 'bad file'.
# args: test rules_deep/deep.edict
