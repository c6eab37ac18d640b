# Two plans in one run whose resources have the same addresses: the results are kept apart by
# file. Text report of the shipped rules.
# args: evaluate inputs/workspace_a.json inputs/workspace_b.json
