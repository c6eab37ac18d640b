# AWS Config WAF Classic web ACLs, global and regional: rulesList becomes rules (global) or rule (regional) blocks.
# args: evaluate --rules ../../../rules inputs/waf_classic_web_acls.json
