# --max-memory N (with KB/MB/GB suffixes): bytes one rule may allocate on one resource.
# args: evaluate --rules ../limits/inputs/memory.edict --max-memory 1KB ../limits/inputs/two_dbs.json
