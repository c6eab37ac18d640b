# rules --control repeated: a rule matching any of them is listed.
# args: rules --rules rules/library.edict --control FSBP-KMS.4 --control CKV_AWS_24
