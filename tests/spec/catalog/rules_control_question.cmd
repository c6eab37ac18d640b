# rules --control with ?: CKV_AWS_1? is CKV_AWS_18, not CKV_AWS_7, _21 or _24.
# args: rules --rules rules/library.edict --control CKV_AWS_1?
