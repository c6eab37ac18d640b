# AWS::SQS::Queue and AWS::SNS::Topic items: encryption is judged (SqsManagedSseEnabled is a string); Config records no policies, so the policy rules skip.
# args: evaluate inputs/messaging.json
