# AWS::ECS::TaskDefinition, Cluster and Service items: PascalCase container definitions are renamed to ECS's names; AssignPublicIp ENABLED is a public IP.
# args: evaluate inputs/ecs.json
