# config-rule: rules read ruleParameters as resources(aws_config_rule_parameters): gp3 is not the required io2.
# args: config-rule --rules inputs/params.edict --event inputs/rule_event_params.json
