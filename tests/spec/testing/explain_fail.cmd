# explain: the rule, the resource, the status, the message and the trace (exit 1 on fail). The
# guard calls a def (its body shows under the call); the failing quantifier shows the deciding element.
# args: explain --rules rules/demo.edict DEMO_BIG_TAGGED aws_ebs_volume.big inputs/plan.json
