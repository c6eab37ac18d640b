# AWS::SageMaker::NotebookInstance and EndpointConfig items.
# args: evaluate inputs/sagemaker.json
