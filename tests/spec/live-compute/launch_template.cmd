# Launch templates from AWS Config: IMDSv2, public IPs and block-device encryption from LaunchTemplateData.
# args: evaluate inputs/launch_template.json
