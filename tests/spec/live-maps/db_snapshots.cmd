# AWS Config RDS instance and cluster snapshots: sharing from the restore attribute, encryption from the snapshot itself.
# args: evaluate --rules ../../../rules inputs/db_snapshots.json
