# AWS::CodeBuild::Project items: artifacts, S3 logs, privileged mode and plaintext credential variables.
# args: evaluate inputs/codebuild_projects.json
