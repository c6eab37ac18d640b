// Resource types edict knows by name: the AWS provider types rules most often use. The checker
// warns (E0208) when a type is not among them but is one edit away from one, which catches
// typos without flagging the many valid types this list does not name.
#include <string>
#include <vector>

#include "compiler/internal/context.h"

namespace edict::compiler::internal {

const std::vector<std::string>& known_resource_types() {
  static const std::vector<std::string> types = {
      "aws_acm_certificate", "aws_alb", "aws_alb_listener", "aws_alb_target_group", "aws_ami",
      "aws_api_gateway_rest_api", "aws_api_gateway_stage", "aws_apigatewayv2_api", "aws_apigatewayv2_stage",
      "aws_appautoscaling_target", "aws_athena_workgroup", "aws_autoscaling_group", "aws_backup_plan",
      "aws_backup_vault", "aws_caller_identity", "aws_cloudfront_distribution", "aws_cloudtrail",
      "aws_cloudwatch_log_group", "aws_cloudwatch_metric_alarm", "aws_codebuild_project", "aws_config_config_rule",
      "aws_config_configuration_recorder", "aws_config_configuration_recorder_status", "aws_db_cluster_snapshot", "aws_db_instance", "aws_db_option_group",
      "aws_db_parameter_group", "aws_db_snapshot", "aws_db_subnet_group", "aws_default_security_group",
      "aws_default_vpc", "aws_dms_replication_instance", "aws_docdb_cluster", "aws_dynamodb_table",
      "aws_ebs_encryption_by_default", "aws_ebs_snapshot", "aws_ebs_volume", "aws_ec2_transit_gateway",
      "aws_ecr_repository", "aws_ecr_repository_policy", "aws_ecs_cluster", "aws_ecs_service",
      "aws_ecs_task_definition", "aws_efs_file_system",
      "aws_eip", "aws_eks_cluster", "aws_eks_node_group", "aws_elasticache_cluster",
      "aws_elasticache_replication_group", "aws_elasticsearch_domain", "aws_elb", "aws_emr_cluster",
      "aws_flow_log", "aws_glue_catalog_database", "aws_guardduty_detector", "aws_iam_access_key",
      "aws_iam_account_password_policy", "aws_iam_group", "aws_iam_group_policy", "aws_iam_group_policy_attachment",
      "aws_iam_instance_profile", "aws_iam_policy", "aws_iam_policy_attachment", "aws_iam_policy_document",
      "aws_iam_role", "aws_iam_role_policy", "aws_iam_role_policy_attachment", "aws_iam_user",
      "aws_iam_user_policy", "aws_iam_user_policy_attachment", "aws_instance", "aws_internet_gateway",
      "aws_kinesis_firehose_delivery_stream", "aws_kinesis_stream", "aws_kms_alias", "aws_kms_key",
      "aws_lambda_function", "aws_lambda_function_url", "aws_lambda_permission", "aws_launch_configuration",
      "aws_launch_template", "aws_lb", "aws_lb_listener", "aws_lb_target_group", "aws_mq_broker", "aws_msk_cluster",
      "aws_nat_gateway",
      "aws_kms_key_policy",
      "aws_neptune_cluster", "aws_network_acl", "aws_network_acl_rule", "aws_network_interface",
      "aws_opensearch_domain", "aws_rds_cluster", "aws_rds_cluster_instance", "aws_redshift_cluster", "aws_route",
      "aws_route53_record", "aws_route53_zone", "aws_route_table", "aws_s3_account_public_access_block",
      "aws_s3_bucket", "aws_s3_bucket_acl", "aws_s3_bucket_cors_configuration",
      "aws_s3_bucket_lifecycle_configuration", "aws_s3_bucket_logging", "aws_s3_bucket_object",
      "aws_s3_bucket_object_lock_configuration", "aws_s3_bucket_ownership_controls", "aws_s3_bucket_policy",
      "aws_s3_bucket_public_access_block", "aws_s3_bucket_replication_configuration",
      "aws_s3_bucket_server_side_encryption_configuration", "aws_s3_bucket_versioning",
      "aws_s3_bucket_website_configuration", "aws_s3_object", "aws_sagemaker_endpoint_configuration",
      "aws_sagemaker_notebook_instance", "aws_secretsmanager_secret", "aws_secretsmanager_secret_rotation", "aws_security_group",
      "aws_security_group_rule", "aws_sfn_state_machine", "aws_sns_topic", "aws_sns_topic_policy", "aws_sqs_queue",
      "aws_sqs_queue_policy", "aws_ssm_document", "aws_ssm_parameter", "aws_subnet", "aws_vpc",
      "aws_vpc_endpoint", "aws_vpc_security_group_egress_rule", "aws_vpc_security_group_ingress_rule",
      "aws_waf_web_acl", "aws_wafv2_web_acl",
      // Data services checked by rules/aws_{rds,dynamodb,docdb,neptune,redshift,efs,emr,glue,memorydb}.edict.
      "aws_dax_cluster", "aws_db_instance_automated_backups_replication", "aws_db_snapshot_copy",
      "aws_docdb_cluster_parameter_group", "aws_efs_access_point", "aws_efs_backup_policy",
      "aws_emr_block_public_access_configuration", "aws_emr_security_configuration",
      "aws_glue_data_catalog_encryption_settings", "aws_glue_security_configuration", "aws_memorydb_cluster",
      "aws_neptune_cluster_instance", "aws_neptune_cluster_snapshot", "aws_redshift_logging",
      "aws_redshift_parameter_group",
      "aws_ami_copy", "aws_ami_launch_permission", "aws_api_gateway_domain_name", "aws_api_gateway_method", "aws_api_gateway_method_settings", "aws_apigatewayv2_route", "aws_cloudfront_origin_access_control", "aws_default_network_acl", "aws_ebs_snapshot_copy", "aws_route53_hosted_zone_dnssec", "aws_route53_key_signing_key", "aws_route53_query_log", "aws_wafregional_web_acl", "aws_wafregional_web_acl_association", "aws_wafv2_rule_group", "aws_wafv2_web_acl_association", "aws_wafv2_web_acl_logging_configuration",
  };
  return types;
}

}  // namespace edict::compiler::internal
