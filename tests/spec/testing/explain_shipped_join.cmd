# explain with the shipped rules: a separate security group rule joined to its group through the
# reference graph, and the defs the rule calls.
# args: explain CUSTOM_NET_001 aws_security_group.web ../../../examples/plan.json
