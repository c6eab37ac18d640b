# Security groups from AWS Config: the default group with rules, a world-open admin group and a web group.
# args: evaluate inputs/security_group.json
