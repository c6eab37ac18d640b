# Control characters in addresses and messages are escaped in the text report (ESC[2J, a newline that would start '::error').
# args: evaluate --rules rules/db.edict --no-color inputs/hostile.json
