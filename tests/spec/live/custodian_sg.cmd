# Custodian resources.json without metadata.json: typed by its keys; IpPermissions as ingress.
# args: evaluate --quiet inputs/custodian/sg/resources.json
