# A classic ELB from AWS Config: listener TLS and certificates judged; attributes Config does not record give no verdict.
# args: evaluate inputs/classic_elb.json
