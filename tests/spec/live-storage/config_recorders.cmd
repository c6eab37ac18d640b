# AWS Config recorders: the recording group and the Recording flag (as the split recorder status).
# args: evaluate inputs/config_recorders.json
