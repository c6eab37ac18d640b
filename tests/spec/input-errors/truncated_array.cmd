# A plan that ends inside the resource_changes array (after a complete element).
# args: evaluate inputs/truncated_array.json
