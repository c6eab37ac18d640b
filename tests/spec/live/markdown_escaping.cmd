# Markdown escapes what inputs say: a tag value cannot add markup or links.
# args: evaluate --format markdown --rule CUSTOM_RDS_002 inputs/markdown_hostile.json
