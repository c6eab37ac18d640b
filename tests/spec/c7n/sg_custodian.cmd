# Security-group list-item idioms over a Custodian resources.json (swap, or, count/count_op, cidr).
# args: evaluate --rules policies/sg.yml ../live/inputs/custodian/sg/resources.json
