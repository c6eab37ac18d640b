# resource_changes must be an array; anything else is refused rather than read as "no changes".
# args: evaluate inputs/resource_changes_object.json
