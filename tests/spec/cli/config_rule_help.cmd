# config-rule --help: its exit codes (it never exits 1).
# args: config-rule --help
