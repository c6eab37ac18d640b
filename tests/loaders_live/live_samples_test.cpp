// Live-snapshot loaders on the real recordings in ../shared/formats/samples (AWS Config items in
// both dialects and every container, Custodian describe records): read in place, and skipped with
// a warning when the shared samples are absent.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <string>

#include "compiler/compiler.h"
#include "engine/evaluate.h"
#include "engine/rule_sources.h"
#include "loaders/loader.h"
#include "tests/skip.h"

using namespace edict;

namespace {

const std::string kSamples = EDICT_SAMPLES_DIR;
const std::string kRdk = kSamples + "/awslabs/aws-config-rdk/rdk/template/example_ci/";
const std::string kC7n = kSamples + "/cloud-custodian/cloud-custodian/tests/data/";

bool present(const std::string& path) {
  if (std::filesystem::exists(path)) return true;
  edict::testing::skip_test(path + " is absent (the shared samples are not installed)");
  return false;
}

const model::Resource* first_of_type(const model::ResourceSet& set, std::string_view type) {
  for (const auto& r : set.resources())
    if (r.type == type) return &r;
  return nullptr;
}

// "RULE ADDRESS" -> status of the shipped controls on one input.
std::map<std::string, std::string> verdicts(const std::string& input) {
  auto sources = std::make_shared<lang::SourceManager>();
  engine::add_builtin_rules(*sources);
  lang::DiagnosticSink sink;
  auto program = compiler::compile(sources, sink, {}).program;
  REQUIRE(program);
  model::ResourceSet set;
  loaders::load_file(set, input);
  set.finish();
  std::map<std::string, std::string> out;
  for (const engine::Result& r : engine::evaluate(*program, set).items)
    out[r.rule->id + " " + std::string(r.resource->address)] = std::string(engine::status_name(r.status));
  return out;
}

std::string attr(const model::Resource& r, std::string_view path) {
  const Value* v = model::find_path(r.attrs, path);
  return v ? to_json(*v) : "absent";
}

}  // namespace

TEST_CASE("a single API-dialect item maps onto the canonical type with its ARN as address", "[corpus]") {
  std::string f = kRdk + "AWS_EC2_Volume.json";
  if (!present(f)) return;
  model::ResourceSet set;
  CHECK(loaders::load_file(set, f) == loaders::Format::Config);
  set.finish();
  const auto* v = first_of_type(set, "aws_ebs_volume");
  REQUIRE(v);
  CHECK(v->address == "arn:aws:ec2:us-east-1:264683526309:volume/vol-a416b170");
  CHECK(v->source == "config");
  CHECK(attr(*v, "encrypted") == "true");
  CHECK(attr(*v, "id") == "\"vol-a416b170\"");
  CHECK(attr(*v, "type") == "\"gp2\"");
}

TEST_CASE("each rdk example item of a mapped type loads as that type", "[corpus]") {
  struct Case {
    const char* file;
    const char* type;
  };
  for (Case c : {Case{"AWS_S3_Bucket.json", "aws_s3_bucket"}, Case{"AWS_RDS_DBInstance.json", "aws_db_instance"},
                 Case{"AWS_EC2_SecurityGroup.json", "aws_security_group"}, Case{"AWS_EC2_Instance.json", "aws_instance"},
                 Case{"AWS_IAM_Policy.json", "aws_iam_policy"}, Case{"AWS_KMS_Key.json", "aws_kms_key"},
                 Case{"AWS_Cloudtrail_Trail.json", "aws_cloudtrail"},
                 Case{"AWS_ElasticLoadBalancingV2_LoadBalancer.json", "aws_lb"}}) {
    std::string f = kRdk + c.file;
    if (!present(f)) return;
    INFO(c.file);
    model::ResourceSet set;
    loaders::load_file(set, f);
    set.finish();
    const auto* r = first_of_type(set, c.type);
    REQUIRE(r);
    CHECK(r->address.starts_with("arn:aws:"));
    CHECK(r->source == "config");
  }
}

TEST_CASE("the delivery-dialect S3 item reads ARN and account under their other names", "[corpus]") {
  std::string f = kRdk + "AWS_S3_Bucket.json";
  if (!present(f)) return;
  model::ResourceSet set;
  loaders::load_file(set, f);
  set.finish();
  const auto* b = first_of_type(set, "aws_s3_bucket");
  REQUIRE(b);
  CHECK(b->address == "arn:aws:s3:::mborch-test-bucket-config-item");
  CHECK(attr(*b, "bucket") == "\"mborch-test-bucket-config-item\"");
  // Not configured in this item: no synthesized encryption resource.
  CHECK(first_of_type(set, "aws_s3_bucket_server_side_encryption_configuration") == nullptr);
}

TEST_CASE("an API-dialect item with configuration and supplementary values as JSON strings", "[corpus]") {
  std::string f = kC7n + "config/s3.json";
  if (!present(f)) return;
  model::ResourceSet set;
  loaders::load_file(set, f);
  set.finish();
  const auto* b = first_of_type(set, "aws_s3_bucket");
  REQUIRE(b);
  CHECK(attr(*b, "bucket") == "\"config-rule-sanity\"");
}

TEST_CASE("rule events, history files and select output are recognised", "[corpus]") {
  std::string event = kC7n + "config/rds-from-rule.json";
  std::string history = kC7n + "placebo/test_sg_config_ingres_diff/config.GetResourceConfigHistory_1.json";
  std::string select = kC7n + "placebo/test_security_group_config_source/config.SelectResourceConfig_1.json";
  std::string iam = kC7n + "placebo/test_set_policy_arn_construction/config.SelectResourceConfig_1.json";
  std::string cluster = kC7n + "config/rds-cluster.json";
  if (!present(event) || !present(history) || !present(select) || !present(iam) || !present(cluster)) return;
  {
    model::ResourceSet set;
    loaders::load_file(set, event);
    set.finish();
    const auto* db = first_of_type(set, "aws_db_instance");
    REQUIRE(db);
    CHECK(db->address == "arn:aws:rds:us-east-1:644160558196:db:c7n-data-index");
  }
  {
    model::ResourceSet set;
    loaders::load_file(set, history);
    set.finish();
    CHECK(first_of_type(set, "aws_security_group"));
  }
  {
    model::ResourceSet set;
    loaders::load_file(set, select);
    set.finish();
    const auto* sg = first_of_type(set, "aws_security_group");
    REQUIRE(sg);
    CHECK(sg->address == "sg-6c7fa917");
    CHECK(attr(*sg, "ingress.cidr_blocks") == "[\"108.56.181.242/32\"]");
    CHECK(attr(*sg, "ingress.protocol") == "\"-1\"");
  }
  {  // an IAM role select row (typed by config.detect): the URL-encoded trust policy is decoded
    model::ResourceSet set;
    loaders::load_file(set, iam);
    set.finish();
    const auto* role = first_of_type(set, "aws_iam_role");
    REQUIRE(role);
    CHECK(attr(*role, "name") == "\"custodian-testing\"");
    CHECK(attr(*role, "assume_role_policy").find("lambda.amazonaws.com") != std::string::npos);
    CHECK(attr(*role, "inline_policy") == "[]");
    CHECK(attr(*role, "managed_policy_arns") == "[\"arn:aws:iam::644160558196:policy/DeleteMe\"]");
  }
  {  // an Aurora Serverless cluster: Config's lower-cased keys (dbclusterIdentifier) map onto aws_rds_cluster
    model::ResourceSet set;
    loaders::load_file(set, cluster);
    set.finish();
    const auto* c = first_of_type(set, "aws_rds_cluster");
    REQUIRE(c);
    CHECK(c->address == "arn:aws:rds:us-east-1:644160558196:cluster:database-1");
    CHECK(attr(*c, "cluster_identifier") == "\"database-1\"");
    CHECK(attr(*c, "engine") == "\"aurora-postgresql\"");
    CHECK(attr(*c, "engine_mode") == "\"serverless\"");
    CHECK(attr(*c, "storage_encrypted") == "true");
    CHECK(attr(*c, "backup_retention_period") == "7");
    CHECK(attr(*c, "copy_tags_to_snapshot") == "true");
    CHECK(attr(*c, "deletion_protection") == "false");
    CHECK(attr(*c, "port") == "5432");
    CHECK(attr(*c, "vpc_security_group_ids") == "[\"sg-6c7fa917\"]");
  }
}

TEST_CASE("Custodian describe records load with source custodian", "[corpus]") {
  struct Case {
    const char* file;
    const char* type;
    const char* address;
  };
  for (Case c : {Case{"placebo/test_ebs_aws_managed_kms_keys/ec2.DescribeVolumes_1.json", "aws_ebs_volume", "vol-"},
                 Case{"placebo/test_rds_kms_alias/rds.DescribeDBInstances_1.json", "aws_db_instance", "arn:aws:rds:"},
                 Case{"placebo/test_security_group_ingress_filter/ec2.DescribeSecurityGroups_1.json",
                      "aws_security_group", "sg-"},
                 Case{"placebo/ec2_igw_subnet/ec2.DescribeInstances_1.json", "aws_instance", "i-"},
                 Case{"placebo/test_iam_policy_allow_all/iam.ListPolicies_1.json", "aws_iam_policy", "arn:aws:iam:"},
                 Case{"placebo/test_key_rotation/kms.DescribeKey_1.json", "aws_kms_key", "arn:aws:kms:"},
                 Case{"placebo/test_cloudtrail_fail_include_management_events/cloudtrail.DescribeTrails_1.json",
                      "aws_cloudtrail", "arn:aws:cloudtrail:"},
                 Case{"placebo/test_appelb_attributes_filter/elasticloadbalancing.DescribeLoadBalancers_1.json",
                      "aws_lb", "arn:aws:elasticloadbalancing:"},
                 Case{"placebo/test_s3_check_public_block/s3.ListBuckets_1.json", "aws_s3_bucket", "arn:aws:s3:::"},
                 Case{"output/ec2-running-instances/resources.json", "aws_instance", "i-"}}) {
    std::string f = kC7n + c.file;
    if (!present(f)) return;
    INFO(c.file);
    model::ResourceSet set;
    CHECK(loaders::load_file(set, f) == loaders::Format::Custodian);
    set.finish();
    const auto* r = first_of_type(set, c.type);
    REQUIRE(r);
    CHECK(r->source == "custodian");
    CHECK(r->address.starts_with(c.address));
  }
}

TEST_CASE("Custodian EBS and RDS records keep the encryption flags the controls read", "[corpus]") {
  std::string ebs = kC7n + "placebo/test_ebs_aws_managed_kms_keys/ec2.DescribeVolumes_1.json";
  std::string rds = kC7n + "placebo/test_rds_kms_alias/rds.DescribeDBInstances_1.json";
  if (!present(ebs) || !present(rds)) return;
  model::ResourceSet set;
  loaders::load_file(set, ebs);
  loaders::load_file(set, rds);
  set.finish();
  int encrypted = 0, plain = 0;
  for (uint32_t id : set.of_type("aws_ebs_volume")) {
    std::string e = attr(set.resources()[id], "encrypted");
    encrypted += e == "true";
    plain += e == "false";
  }
  CHECK(encrypted == 2);
  CHECK(plain == 1);
  const auto* db = set.by_address("arn:aws:rds:us-west-2:644160558196:db:zebramoon");
  REQUIRE(db);
  CHECK(attr(*db, "storage_encrypted") == "false");
}

TEST_CASE("the shipped controls give the recorded verdicts on real live data", "[corpus]") {
  std::string ebs = kC7n + "placebo/test_ebs_aws_managed_kms_keys/ec2.DescribeVolumes_1.json";
  std::string rds = kC7n + "placebo/test_rds_kms_alias/rds.DescribeDBInstances_1.json";
  std::string sg = kC7n + "placebo/test_security_group_config_source/config.SelectResourceConfig_1.json";
  std::string s3 = kC7n + "config/s3.json";
  std::string vol = kRdk + "AWS_EC2_Volume.json";
  if (!present(ebs) || !present(rds) || !present(sg) || !present(s3) || !present(vol)) return;
  auto e = verdicts(ebs);  // one of the three volumes is unencrypted
  CHECK(e.at("ebs-encryption-at-rest vol-37e189b7") == "fail");
  CHECK(e.at("ebs-encryption-at-rest vol-14a3cd9d") == "pass");
  auto r = verdicts(rds);
  CHECK(r.at("CUSTOM_RDS_001 arn:aws:rds:us-west-2:644160558196:db:bluelobster") == "pass");
  CHECK(r.at("CUSTOM_RDS_001 arn:aws:rds:us-west-2:644160558196:db:zebramoon") == "fail");
  CHECK(verdicts(sg).at("CUSTOM_NET_001 sg-6c7fa917") == "pass");  // all traffic, but from one /32
  auto b = verdicts(s3);  // an item recorded without encryption or public access block settings
  CHECK(b.at("s3-encryption-at-rest arn:aws:s3:::config-rule-sanity") == "fail");
  CHECK(b.at("s3-block-public-access arn:aws:s3:::config-rule-sanity") == "fail");
  CHECK(verdicts(vol).at("ebs-encryption-at-rest arn:aws:ec2:us-east-1:264683526309:volume/vol-a416b170") == "pass");
}
