# A plan whose format_version has an unknown major version (2.0) is refused, not guessed at.
# args: evaluate inputs/format_2_0.json
