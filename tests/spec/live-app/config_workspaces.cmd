# AWS::WorkSpaces::Workspace items: root and user volume encryption.
# args: evaluate inputs/workspaces.json
