# A Config history: each resource is judged on its latest capture (vol-fixed passes); a latest ResourceDeleted capture is not judged (vol-gone).
# args: evaluate --rule ebs-encryption-at-rest inputs/config_history.json
