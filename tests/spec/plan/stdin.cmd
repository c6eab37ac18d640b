# A plan read from standard input ("-"): results name the file <stdin>.
# args: evaluate --format json --rule CUSTOM_NET_001 -
# stdin: inputs/sg_rules_tf012.json
