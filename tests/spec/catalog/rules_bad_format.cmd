# rules --format takes text, json or markdown.
# args: rules --format html
