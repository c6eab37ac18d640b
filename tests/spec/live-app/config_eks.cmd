# AWS::EKS::Cluster items: endpoint exposure, secrets encryption, enabled log types and version.
# args: evaluate inputs/eks_clusters.json
