# Nested aliases that stand for 10^9 nodes: an error naming the bound, not an exhausted memory.
# args: check errors/alias_bomb.yml
