# A single API-dialect CI (configuration as a JSON string, URL-encoded IAM document): the IAM rules read the decoded admin policy.
# args: evaluate --quiet inputs/config_item_api.json
