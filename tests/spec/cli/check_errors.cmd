# check: errors exit 2, after the rendered diagnostics.
# args: check rules/broken.edict
