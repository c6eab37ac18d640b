# A section edict does not read (planned_values, when resource_changes is there) must still be
# valid JSON: a corrupted plan is refused, with the position of the fault.
# args: evaluate inputs/bad_literal_in_skipped_section.json
