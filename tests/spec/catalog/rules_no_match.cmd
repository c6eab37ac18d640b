# rules: a filter that matches no rule prints the empty listing and exits 1.
# args: rules --rules rules/library.edict --control NIST-*
