# evaluate with an input that is not valid JSON (exit 2).
# args: evaluate --rules rules/small.edict inputs/truncated.json
