# A good plan and a bad one in the same run: nothing is evaluated, the bad file is named.
# args: evaluate ../plan/inputs/workspace_a.json inputs/truncated.json
