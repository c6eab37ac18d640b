# The Markdown report: totals, failures by severity, failures grouped by rule (severity first).
# args: evaluate --format markdown inputs/config_snapshot.json
