# A Config snapshot whose configurationItems is not a list: exit 2, never an empty run.
# args: evaluate --rules rules/db.edict inputs/config_items_object.json
