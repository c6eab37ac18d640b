# --state and --output naming the same file (not there yet: compared by directory and name).
# file: state_tmp.json
# args: evaluate --rules rules/db.edict --state state_tmp.json --output json=../bad-input/state_tmp.json inputs/plan.json
