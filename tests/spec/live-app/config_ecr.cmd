# AWS::ECR::Repository items: scan on push and tag mutability are judged; Config records no encryption, so ecr-encrypted-with-kms skips.
# args: evaluate inputs/ecr_repositories.json
