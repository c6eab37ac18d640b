# --junit - writes JUnit XML to stdout after the listing: a testsuite per file, <failure> for
# mismatches, <error> for bad tests and bad test files.
# args: test --rules rules/demo.edict rules/cases/failing.test.yaml rules/cases/bad_names.test.yaml rules/cases/bad_key.test.yaml --junit -
