# rules --control with * selects every rule with a matching control.
# args: rules --rules rules/library.edict --control CIS-*
