# A number too large for a double (1e999).
# args: evaluate inputs/huge_number.json
