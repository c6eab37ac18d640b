# rules --lint: a library with complete metadata passes (exit 0).
# args: rules --lint --rules rules/library.edict
