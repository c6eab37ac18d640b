# Rules without tests next to them: exit 2.
# args: test ../rules/rules/lib_db.edict
