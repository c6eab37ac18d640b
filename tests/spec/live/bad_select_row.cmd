# A select row that is not JSON: exit 2 with the file named.
# args: evaluate inputs/bad_select_row.json
