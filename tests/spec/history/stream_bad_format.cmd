# stream: an unknown output format is a usage error.
# args: stream --repo . --format yaml
