# JUnit XML: a suite per rule, a case per (rule, resource); skip and unknown are skipped with a message, the run-time error an error; XML special characters escaped.
# args: evaluate --rules rules/ci.edict --format junit inputs/plan.json
