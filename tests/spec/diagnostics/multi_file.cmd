# Diagnostics across files: a def defined twice in one package (two files), a rule id used in
# two files, and an import of a misspelt package, with a suggestion. Files in a directory are
# read in name order.
# args: check rules/multi
