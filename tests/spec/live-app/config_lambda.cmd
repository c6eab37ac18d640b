# AWS::Lambda::Function items: runtime, tracing, VPC and DLQ are judged; env-var KMS and code signing are not recorded by Config, so those rules skip.
# args: evaluate inputs/lambda_functions.json
