# EC2 instances from AWS Config: IMDSv2, public IP, monitoring, EBS optimisation and instance profile judged; block devices (not in Config) get no verdict.
# args: evaluate inputs/ec2_instance.json
