# rules --format markdown: the docs/rules.md layout (preface, table with | escaped, notes).
# args: rules --rules rules/library.edict --format markdown
