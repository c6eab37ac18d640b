# config-rule: An unencrypted volume: NON_COMPLIANT, the failure as the annotation.
# args: config-rule --event inputs/rule_event_noncompliant.json
