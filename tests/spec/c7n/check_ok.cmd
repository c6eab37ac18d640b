# The seed policies and the value policies compile.
# args: check policies/seeds.yml policies/values.yml
