# disasm --rule prints one rule.
# args: disasm rules/small.edict --rule SMALL_MULTI_AZ
