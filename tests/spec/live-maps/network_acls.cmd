# AWS Config network ACLs: each entry becomes an aws_network_acl_rule child (egress entries kept apart), so the NACL rules judge ingress in rule-number order.
# args: evaluate --rules ../../../rules inputs/network_acls.json
