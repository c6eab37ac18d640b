# A directory where a plan file is expected.
# args: evaluate inputs
