# A report that cannot be written: exit 2, no stdout report, and the state does not advance (it is written last).
# file: state_kept.json
# args: evaluate --rules rules/db.edict --state state_kept.json --output json=no-such-dir/x.json inputs/plan.json
