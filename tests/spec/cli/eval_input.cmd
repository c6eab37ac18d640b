# eval with --input reads bare names from the document.
# args: eval --input inputs/one_db.json "format_version + '/' + to_string(len(resource_changes))"
