# A Config snapshot file (delivery dialect): S3 settings from supplementaryConfiguration, one unknown type and one deleted item noted.
# args: evaluate --quiet inputs/config_snapshot.json
