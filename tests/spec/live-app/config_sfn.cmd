# AWS::StepFunctions::StateMachine items: logging level and destinations, execution data, tracing.
# args: evaluate inputs/sfn_state_machines.json
