# rules --type: only rules that check that resource type (one of several counts).
# args: rules --rules rules/library.edict --type aws_security_group_rule
