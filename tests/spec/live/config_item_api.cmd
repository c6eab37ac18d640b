# A single API-dialect CI (configuration as a JSON string, URL-encoded IAM document): no shipped rule applies.
# args: evaluate --quiet inputs/config_item_api.json
