# A waiver file that is not YAML.
# args: evaluate --rules rules/ci.edict --waivers inputs/waivers/not_yaml.yaml inputs/plan.json
