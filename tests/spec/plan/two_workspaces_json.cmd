# As two_workspaces.cmd, as JSON: each result's resource.file says which plan it came from.
# args: evaluate --format json inputs/workspace_a.json inputs/workspace_b.json
