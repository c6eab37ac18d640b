# --markdown-limit caps the offending resources listed under each rule ("... and N more").
# args: evaluate --format markdown --markdown-limit 1 ../../../examples/plan.json
