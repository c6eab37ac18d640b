# 200000 nested arrays (400 KB): refused at the depth limit, without exhausting the stack.
# args: evaluate inputs/deep.json
