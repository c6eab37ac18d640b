# A glob starting with * must be quoted in YAML.
# args: evaluate --rules rules/ci.edict --waivers inputs/waivers/unquoted_glob.yaml inputs/plan.json
