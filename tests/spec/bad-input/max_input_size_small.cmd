# A plan larger than --max-input-size (a regular file: refused from its size, unread).
# args: evaluate --max-input-size 100 inputs/plan.json
