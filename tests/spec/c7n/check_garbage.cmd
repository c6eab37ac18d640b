# A policy file that is binary garbage is refused without a crash.
# args: check errors/garbage.yml
