# Auto Scaling groups from AWS Config: one launches from a template, one from a launch configuration.
# args: evaluate inputs/autoscaling_group.json
