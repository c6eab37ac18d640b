# An input of no known format: the message names every accepted format.
# args: evaluate --rules rules/db.edict inputs/waivers_as_json.json
