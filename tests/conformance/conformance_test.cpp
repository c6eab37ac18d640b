// Conformance: the shipped rules against the verdicts other tools' own test suites expect on the
// same Terraform plans (../shared/corpus, described by its EXPECTED.json). Method, tables and
// per-file results: docs/conformance.md.
//
// kMappings says which upstream check means the same as which of our rules, and how far the
// upstream verdict carries over (some upstream checks are broader or narrower than ours).
// kDerived adds verdicts that follow from the corpus data without an upstream check of the same
// meaning (e.g. "port 3389 is not open here, so CUSTOM_NET_001 passes"). kDeviations lists every
// known disagreement, each explained in docs/conformance.md: the test fails on any other
// disagreement, and on a listed one that no longer happens (so that the list stays true).
#include <catch2/catch.hpp>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "compiler/compiler.h"
#include "engine/evaluate.h"
#include "engine/rule_sources.h"
#include "lang/diagnostics.h"
#include "loaders/loader.h"
#include "model/resource.h"
#include "tests/skip.h"

namespace edict {
namespace {

namespace fs = std::filesystem;

// How an upstream verdict carries over to our rule.
enum class Relation {
  Same,             // same meaning: PASS <-> pass, FAIL <-> fail
  PassImpliesPass,  // the upstream check is broader: only its PASS says something about ours
  FailImpliesFail,  // the upstream check is narrower: only its FAIL says something about ours
};

struct Mapping {
  const char* upstream;  // rule id as written in EXPECTED.json
  const char* tool;
  const char* ours;
  Relation relation;
  const char* note;
};

// Upstream checks that mean the same as one of ours (or imply it one way). Checks not listed
// here (CMK-only S3 encryption, IAM action allowlists, tag checks, ...) say nothing about our
// rules.
const Mapping kMappings[] = {
    {"FG_R00099", "regula", "s3-encryption-at-rest", Relation::Same, "S3 bucket server-side encryption enabled"},
    {"FG_R00016", "regula", "ebs-encryption-at-rest", Relation::Same, "EBS volume encrypted == true"},
    {"FG_R00087", "regula", "CUSTOM_NET_001", Relation::Same, "no ingress from 0.0.0.0/0 to port 3389"},
    {"FG_R00377", "regula", "CUSTOM_NET_001", Relation::PassImpliesPass,
     "no ingress from 0.0.0.0/0 except to 80 and 443: a PASS means 3389 is closed too"},
    {"CKV2_AWS_6", "checkov", "s3-block-public-access", Relation::Same,
     "bucket has a public access block (block_public_acls and block_public_policy); ours also wants the "
     "other two settings, which every PASS bucket of the corpus sets"},
    {"s3-sse-present", "terraform-compliance", "s3-encryption-at-rest", Relation::Same,
     "bucket must contain server_side_encryption_configuration"},
    {"s3-pab-all-enabled", "terraform-compliance", "s3-block-public-access", Relation::Same,
     "public access block with all four settings enabled"},
    {"rds-storage-encrypted", "terraform-compliance", "CUSTOM_RDS_001", Relation::Same,
     "storage_encrypted must be true (upstream: instances that are not read replicas)"},
    {"AVD-AWS-0086", "trivy", "s3-block-public-access", Relation::FailImpliesFail, "block_public_acls"},
    {"AVD-AWS-0087", "trivy", "s3-block-public-access", Relation::FailImpliesFail, "block_public_policy"},
    {"AVD-AWS-0091", "trivy", "s3-block-public-access", Relation::FailImpliesFail, "ignore_public_acls"},
    {"AVD-AWS-0093", "trivy", "s3-block-public-access", Relation::FailImpliesFail, "restrict_public_buckets"},
    {"AVD-AWS-0094", "trivy", "s3-block-public-access", Relation::FailImpliesFail,
     "bucket has an aws_s3_bucket_public_access_block"},
    {"AVD-AWS-0088", "trivy", "s3-encryption-at-rest", Relation::Same, "unencrypted S3 bucket"},
    {"AVD-AWS-0107", "trivy", "CUSTOM_NET_001", Relation::PassImpliesPass,
     "no unrestricted ingress to SSH or RDP: a PASS means 3389 is closed"},
    // IAM and EKS (rules/aws_iam.edict, rules/aws_eks.edict).
    {"FG_R00092", "regula", "iam-no-admin-policy", Relation::Same, "no Allow statement with * actions on * resources"},
    {"CKV2_AWS_40", "checkov", "iam-no-full-iam-access", Relation::Same, "no Allow statement with iam:* or *"},
    {"CKV_AWS_287", "checkov", "iam-no-credentials-exposure", Relation::Same,
     "no credential-returning action allowed on every resource (cloudsplaining's list)"},
    {"CKV_AWS_49", "checkov", "iam-policy-document-no-star-action", Relation::Same,
     "no Allow statement block of a policy-document data source with actions [\"*\"]"},
    {"CKV_AWS_37", "checkov", "eks-control-plane-logging", Relation::Same, "all five control-plane log types enabled"},
    {"CKV_AWS_38", "checkov", "eks-public-endpoint-restricted", Relation::Same,
     "public endpoint off, or public_access_cidrs set without 0.0.0.0/0"},
    {"CKV_AWS_39", "checkov", "eks-endpoint-not-public", Relation::Same, "endpoint_public_access = false"},
    {"CKV_AWS_58", "checkov", "eks-secrets-encrypted", Relation::Same, "encryption_config covers secrets"},
    {"FG_R00036", "regula", "kms-key-rotation-enabled", Relation::Same, "KMS key rotation enabled"},
    {"FG_R00211", "regula", "s3-policy-no-public-access", Relation::FailImpliesFail,
     "no list actions for all principals: a FAIL is a statement open to everyone; ours fails any action"},
    {"s3-versioning", "snyk", "s3-versioning-enabled", Relation::Same, "bucket versioning enabled"},
    {"CKV_AWS_149", "checkov", "secretsmanager-kms-cmk", Relation::Same,
     "secret encrypted with a KMS key that is not an aws/ alias"},
    // Compute and network rules (rules/aws_network.edict, aws_ec2.edict).
    {"FG_R00085", "regula", "sg-no-world-ssh", Relation::Same, "no ingress from 0.0.0.0/0 to port 22"},
    {"FG_R00377", "regula", "sg-world-ingress-http-only", Relation::Same,
     "no ingress from 0.0.0.0/0 except to exactly 80 and 443"},
    {"FG_R00054", "regula", "vpc-flow-logs-enabled", Relation::Same, "the VPC has a flow log that refers to it"},
    {"sg-no-world-22", "terraform-compliance", "sg-no-world-ssh", Relation::Same, "tcp/22 not open to 0.0.0.0/0"},
    {"sgr-22-not-world", "terraform-compliance", "sg-no-world-ssh", Relation::Same,
     "a security group rule covering 22 has no 0.0.0.0/0 source"},
    {"sg-no-world-80", "terraform-compliance", "sg-no-world-http", Relation::Same, "tcp/80 not open to 0.0.0.0/0"},
    {"ec2-block-devices-encrypted", "terraform-compliance", "ec2-block-devices-encrypted", Relation::Same,
     "every block device of aws_instance has encrypted = true"},
    {"AVD-AWS-0107", "trivy", "sg-no-world-ssh", Relation::PassImpliesPass,
     "no unrestricted ingress to SSH or RDP: a PASS means 22 is closed"},
    {"AVD-AWS-0099", "trivy", "sg-description-not-default", Relation::Same,
     "the group has a description other than the provider default"},
    {"AVD-AWS-0124", "trivy", "sg-has-description", Relation::FailImpliesFail,
     "every inline rule has a description (ours also wants one on the group and on separate rules)"},
};

// Our verdicts that follow from the corpus data (not from an upstream check of the same meaning).
// `expected` is PASS, FAIL, SKIP, UNKNOWN, or NONE (no result at all).
struct Derived {
  const char* file;
  const char* resource;
  const char* ours;
  const char* expected;
  const char* why;
};

constexpr const char* kRegulaSsh = "fugue__regula/rego/tests/rules/tf/aws/security_group/inputs/ingress_anywhere_ssh_infra.json";
constexpr const char* kRegulaAny = "fugue__regula/rego/tests/rules/tf/aws/security_group/inputs/ingress_anywhere_infra.json";
constexpr const char* kRegulaEbs = "fugue__regula/rego/tests/rules/tf/aws/ebs/inputs/volume_encrypted_infra.json";
constexpr const char* kTc190 = "terraform-compliance__cli/tests/functional/test_issue-190/plan.out.json";
constexpr const char* kTcMultiple = "terraform-compliance__cli/tests/functional/test_multiple_failures/plan.out.json";
constexpr const char* kTc400 = "terraform-compliance__cli/tests/functional/test_issue_400/plan.out.json";
constexpr const char* kTc401 = "terraform-compliance__cli/tests/functional/test_issue_401/plan.out.json";
constexpr const char* kTerraGoat = "bridgecrewio__checkov/tests/terraform/runner/resources/plan/tfplan.json";
constexpr const char* kInfracost = "infracost__infracost/cmd/infracost/testdata/terraform_v0.14_plan.json";
constexpr const char* kPeSensitive = "snyk__policy-engine/pkg/input/golden_test/tfplan/sensitive/plan.json";
constexpr const char* kPeProvider = "snyk__policy-engine/pkg/input/golden_test/tfplan/provider-version/plan.json";
constexpr const char* kPeChanges = "snyk__policy-engine/pkg/input/golden_test/tfplan/resource-changes/plan.json";
constexpr const char* kTc115 = "terraform-compliance__cli/tests/functional/test_issue-115/plan.out.json";
constexpr const char* kTc410 = "terraform-compliance__cli/tests/functional/test_issue_410/plan.out.json";
constexpr const char* kTrivyPlan = "aquasecurity__trivy/pkg/iac/scanners/terraformplan/tfjson/testdata/plan.json";
constexpr const char* kSnykDestroy = "snyk__cli/test/fixtures/iac/terraform-plan/tf-plan-destroy.json";

const Derived kDerived[] = {
    {kRegulaSsh, "aws_security_group.invalid_sg_1", "CUSTOM_NET_001", "PASS", "world-open on 22 only"},
    {kRegulaSsh, "aws_security_group.invalid_sg_2", "CUSTOM_NET_001", "PASS", "world-open on 20-25 only"},
    {kRegulaSsh, "aws_security_group.valid_sg_1", "CUSTOM_NET_001", "PASS", "world-open on 443 only"},
    {kRegulaSsh, "aws_security_group.valid_sg_2", "CUSTOM_NET_001", "PASS", "22 from 10.10.0.0/16"},
    {kRegulaAny, "aws_security_group.invalid_allow_all", "CUSTOM_NET_001", "FAIL", "0-65535 from 0.0.0.0/0 contains 3389"},
    {kRegulaAny, "aws_security_group.invalid_include_443", "CUSTOM_NET_001", "PASS", "442-444 does not contain 3389"},
    {kRegulaAny, "aws_security_group.invalid_include_80", "CUSTOM_NET_001", "PASS", "79-81 does not contain 3389"},
    {kTc190, "module.mysg.aws_security_group.alb", "CUSTOM_NET_001", "PASS",
     "world-open on 22 only (a separate rule attached through a module output)"},
    {kTc190, "aws_security_group.elb", "CUSTOM_NET_001", "PASS", "80 from 10.0.0.0/8 only"},
    {kTcMultiple, "aws_security_group.failure", "CUSTOM_NET_001", "PASS", "world-open on 80 only (inline)"},
    {kTcMultiple, "aws_security_group.another_failure", "CUSTOM_NET_001", "PASS",
     "world-open on 80 only (a separate aws_security_group_rule)"},
    {kTc400, "aws_security_group_rule.example_rule_22", "CUSTOM_NET_001", "PASS",
     "tcp 0-22 from 0.0.0.0/0; its group (sg-123456) is not in the plan"},
    {kTc400, "aws_security_group_rule.example_rule_3389", "CUSTOM_NET_001", "FAIL",
     "tcp 0-3389 from 0.0.0.0/0; its group (sg-123456) is not in the plan"},
    {kTc400, "aws_security_group_rule.example_rule", "CUSTOM_NET_001", "FAIL", "tcp 0-65535 from 0.0.0.0/0"},
    {kTc400, "aws_security_group.example_group_3389", "CUSTOM_NET_001", "FAIL", "inline 443-3389 from 0.0.0.0/0"},
    {kTc400, "aws_security_group.example_group_22", "CUSTOM_NET_001", "PASS", "inline from_port 443 > to_port 22: no port"},
    {kTc400, "aws_security_group.example_group", "CUSTOM_NET_001", "PASS", "inline 443 only"},
    {kTerraGoat, "aws_security_group.web-node", "CUSTOM_NET_001", "PASS", "world-open on 22 and 80 only"},
    {kTerraGoat, "aws_db_instance.default", "CUSTOM_RDS_001", "FAIL", "storage_encrypted = false"},
    {kTerraGoat, "aws_db_instance.default", "CUSTOM_RDS_002", "SKIP", "Environment tag is not production"},
    {kTerraGoat, "aws_ebs_volume.web_host_storage", "ebs-encryption-at-rest", "UNKNOWN",
     "encrypted is unset, so computed (after_unknown)"},
    {kTerraGoat, "aws_s3_bucket.logs", "s3-encryption-at-rest", "PASS", "inline aws:kms encryption"},
    {kTerraGoat, "aws_s3_bucket.data", "s3-encryption-at-rest", "FAIL", "inline configuration is an empty list"},
    {kTerraGoat, "aws_s3_bucket.data_science", "s3-encryption-at-rest", "FAIL", "inline configuration is an empty list"},
    {kTerraGoat, "aws_s3_bucket.financials", "s3-encryption-at-rest", "FAIL", "inline configuration is an empty list"},
    {kTerraGoat, "aws_s3_bucket.flowbucket", "s3-encryption-at-rest", "FAIL", "inline configuration is an empty list"},
    {kTerraGoat, "aws_s3_bucket.operations", "s3-encryption-at-rest", "FAIL", "inline configuration is an empty list"},
    {kInfracost, "module.db.module.db_1.module.db_instance.aws_db_instance.this[0]", "CUSTOM_RDS_001", "FAIL",
     "storage_encrypted = false"},
    {kInfracost, "module.db.module.db_2.module.db_instance.aws_db_instance.this[0]", "CUSTOM_RDS_001", "FAIL",
     "storage_encrypted = false"},
    {kPeSensitive, "aws_db_instance.default", "CUSTOM_RDS_001", "FAIL", "storage_encrypted = null"},
    // The data-service rules (RDS, OpenSearch, Neptune) on the corpus plans that have such resources.
    // No upstream test asserts a per-resource verdict for them; these follow from the planned values.
    {kTerraGoat, "aws_db_instance.default", "rds-instance-not-public", "FAIL", "publicly_accessible = true"},
    {kTerraGoat, "aws_db_instance.default", "rds-backup-retention-7-days", "FAIL", "backup_retention_period = 0"},
    {kTerraGoat, "aws_db_instance.default", "rds-enhanced-monitoring", "FAIL", "monitoring_interval = 0"},
    {kTerraGoat, "aws_db_instance.default", "rds-instance-iam-auth", "FAIL",
     "mysql without iam_database_authentication_enabled"},
    {kTerraGoat, "aws_db_instance.default", "rds-auto-minor-version-upgrade", "PASS", "auto_minor_version_upgrade = true"},
    {kTerraGoat, "aws_db_instance.default", "rds-performance-insights-enabled", "SKIP",
     "mysql on db.t3.micro has no Performance Insights (Checkov's CKV_AWS_353 exception)"},
    {kTerraGoat, "aws_db_instance.default", "rds-instance-copy-tags-to-snapshot", "FAIL", "copy_tags_to_snapshot = false"},
    {kTerraGoat, "aws_elasticsearch_domain.monitoring-framework", "opensearch-encryption-at-rest", "UNKNOWN",
     "encrypt_at_rest is not configured, so computed (after_unknown)"},
    {kTerraGoat, "aws_elasticsearch_domain.monitoring-framework", "opensearch-in-vpc", "FAIL", "no vpc_options"},
    {kTerraGoat, "aws_elasticsearch_domain.monitoring-framework", "opensearch-audit-logging", "FAIL",
     "no log_publishing_options"},
    {kTerraGoat, "aws_neptune_cluster.default", "neptune-storage-encrypted", "FAIL", "storage_encrypted = false"},
    {kTerraGoat, "aws_neptune_cluster.default", "neptune-backup-retention-7-days", "FAIL", "backup_retention_period = 5"},
    {kTerraGoat, "aws_neptune_cluster.default", "neptune-iam-auth", "FAIL", "iam_database_authentication_enabled = false"},
    {kTerraGoat, "aws_neptune_cluster_instance.default[0]", "neptune-instance-not-public", "PASS",
     "publicly_accessible = false"},
    {kTerraGoat, "aws_neptune_cluster_snapshot.default", "neptune-snapshot-encrypted", "FAIL",
     "its own storage_encrypted is unknown; db_cluster_identifier references aws_neptune_cluster.default, unencrypted"},
    {kInfracost, "module.db.module.db_1.module.db_instance.aws_db_instance.this[0]", "rds-backup-retention-7-days",
     "FAIL", "backup_retention_period = 0 (replicate_source_db = \"\" is not a replica)"},
    {kInfracost, "module.db.module.db_1.module.db_instance.aws_db_instance.this[0]", "rds-instance-iam-auth", "PASS",
     "iam_database_authentication_enabled = true"},
    {kInfracost, "module.db.module.db_2.module.db_instance.aws_db_instance.this[0]", "rds-enhanced-monitoring", "PASS",
     "monitoring_interval = 30"},
    {kInfracost, "module.db.module.db_2.module.db_instance.aws_db_instance.this[0]", "rds-no-default-port", "FAIL",
     "mysql on 3306"},
    {kTc401, "aws_db_instance.default", "rds-instance-not-public", "FAIL", "publicly_accessible = true"},
    {kTc401, "aws_db_instance.default", "rds-instance-deletion-protection", "FAIL", "deletion_protection = null"},
    // is_set: values the configuration leaves out take the provider's (or the API's) default.
    {kTerraGoat, "aws_db_instance.default", "rds-no-default-port", "FAIL",
     "port is not configured, so the instance gets MySQL's 3306 (unknown in the plan)"},
    {kTc401, "aws_db_instance.default", "rds-backup-retention-7-days", "FAIL",
     "backup_retention_period is not configured: the API default is 1 day (unknown in the plan)"},
    {kInfracost, "module.db.module.db_1.module.db_instance.aws_db_instance.this[0]", "rds-instance-cmk", "FAIL",
     "kms_key_id = \"\" (the module's \"none\")"},
    {kInfracost, "module.db.module.db_2.module.db_instance.aws_db_instance.this[0]", "rds-instance-cmk", "FAIL",
     "kms_key_id = var.kms_key_id, a module variable no caller sets (default null)"},
    {kPeProvider, "aws_s3_bucket.bucket2", "s3-encryption-at-rest", "PASS",
     "an aws_s3_bucket_server_side_encryption_configuration references it"},
    {kPeProvider, "aws_s3_bucket.bucket1", "s3-encryption-at-rest", "FAIL", "no encryption configuration anywhere"},
    {kPeChanges, "aws_s3_bucket.delete_bucket", "s3-encryption-at-rest", "NONE", "being deleted: no verdict"},
    {kPeChanges, "aws_s3_bucket.delete_bucket", "s3-block-public-access", "NONE", "being deleted: no verdict"},
    {kSnykDestroy, "aws_s3_bucket.terra_ci", "s3-encryption-at-rest", "NONE", "a destroy plan: no verdicts"},
    {kSnykDestroy, "aws_s3_bucket.terra_ci", "s3-block-public-access", "NONE", "a destroy plan: no verdicts"},
    {kTc115, "aws_iam_policy.policy", "iam-no-admin-policy", "PASS",
     "policy JSON with CRLF line ends parses; it allows ec2:Describe only"},
    {kTc115, "aws_iam_policy.policy", "iam-no-credentials-exposure", "PASS", "ec2:Describe returns no credentials"},
    {kTrivyPlan, "aws_security_group.sg", "sg-no-world-http", "FAIL", "tcp/80 from 0.0.0.0/0 (inline)"},
    {kTrivyPlan, "aws_security_group.sg", "sg-world-ingress-http-only", "PASS", "world-open on exactly 80 only"},
    {kTrivyPlan, "aws_security_group.sg", "sg-no-world-high-risk-ports", "PASS", "80 is not a high-risk port"},
    {kRegulaAny, "aws_security_group.invalid_allow_all", "sg-no-world-high-risk-ports", "FAIL", "0-65535 from 0.0.0.0/0"},
    {kRegulaAny, "aws_security_group.invalid_include_443", "sg-no-world-high-risk-ports", "PASS", "442-444 holds no high-risk port"},
    {kRegulaSsh, "aws_security_group.invalid_sg_2", "sg-no-world-high-risk-ports", "FAIL", "20-25 holds 20, 21, 22, 23 and 25"},
    {kTc400, "aws_security_group_rule.example_rule_22", "sg-no-world-http", "PASS", "0-22 does not reach 80"},
    {kTc400, "aws_security_group_rule.example_rule", "sg-no-world-all-traffic", "PASS", "tcp 0-65535 is not protocol -1"},
    {kTc410, "aws_instance.ebs_encrypted_not_present", "ec2-detailed-monitoring-enabled", "FAIL", "monitoring = null"},
};

// Known disagreements, each explained in docs/conformance.md. `check` is the upstream rule id,
// or "derived" for a kDerived row; `actual` is our status.
struct Deviation {
  const char* file;
  const char* resource;
  const char* check;
  const char* ours;
  const char* expected;
  const char* actual;
};

const Deviation kDeviations[] = {
    {kRegulaEbs, "aws_ebs_volume.missing", "FG_R00016", "ebs-encryption-at-rest", "FAIL", "unknown"},
    {kTcMultiple, "aws_security_group.another_failure", "derived", "CUSTOM_NET_001", "PASS", "unknown"},
    {kPeProvider, "aws_s3_bucket.bucket1", "derived", "s3-encryption-at-rest", "FAIL", "unknown"},
    {kInfracost, "module.db.module.db_2.module.db_instance.aws_db_instance.this[0]", "derived", "rds-instance-cmk",
     "FAIL", "pass"},
    {kTc410, "aws_instance.ebs_encrypted_not_present", "ec2-block-devices-encrypted", "ec2-block-devices-encrypted",
     "FAIL", "unknown"},
};

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// An upstream check may carry over to several of our rules (FG_R00377 says something about RDP
// and about every other port).
std::vector<const Mapping*> mappings_for(const std::string& upstream) {
  std::vector<const Mapping*> out;
  for (const Mapping& m : kMappings) {
    if (upstream == m.upstream) out.push_back(&m);
  }
  return out;
}

const Deviation* deviation_for(const std::string& file, const std::string& resource, const std::string& check,
                               const std::string& ours) {
  for (const Deviation& d : kDeviations) {
    if (file == d.file && resource == d.resource && check == d.check && ours == d.ours) return &d;
  }
  return nullptr;
}

// The shipped rule library, compiled once.
const bytecode::Program& shipped_rules() {
  static std::unique_ptr<bytecode::Program> program = [] {
    auto sources = std::make_shared<lang::SourceManager>();
    engine::add_builtin_rules(*sources);
    lang::DiagnosticSink sink;
    compiler::CompileResult result = compiler::compile(sources, sink);
    REQUIRE_FALSE(sink.has_errors());
    REQUIRE(result.program);
    return std::move(result.program);
  }();
  return *program;
}

// (our rule, address) -> status for one corpus file; several results for one key (the same
// address in a plan twice) would make the comparison meaningless, so they are an error.
std::map<std::pair<std::string, std::string>, std::string> evaluate_file(const std::string& path) {
  model::ResourceSet set;
  loaders::load_file(set, path);
  set.finish();
  engine::Results results = engine::evaluate(shipped_rules(), set);
  std::map<std::pair<std::string, std::string>, std::string> out;
  for (const engine::Result& r : results.items) {
    auto key = std::make_pair(r.rule->id, std::string(r.resource->address));
    INFO(path << ": " << key.first << " " << key.second);
    CHECK(out.count(key) == 0);
    out[key] = std::string(engine::status_name(r.status));
  }
  return out;
}

struct Tally {
  int agree = 0, explained = 0, unexplained = 0;
};

struct Comparison {
  std::string file, resource, check, ours, expected, actual, source;  // source: asserted | derived
};

// Compares one expectation; records it for the per-file report.
void compare(const Comparison& c, Tally& tally, std::set<const Deviation*>& seen, std::vector<std::string>& report) {
  bool agree = lower(c.expected) == c.actual || (c.expected == "NONE" && c.actual == "none");
  const Deviation* d = deviation_for(c.file, c.resource, c.check, c.ours);
  std::string line = "  " + c.resource + "  " + c.check + " -> " + c.ours + ": expected " + c.expected + ", got " +
                     c.actual + " (" + c.source + ")";
  if (d != nullptr) seen.insert(d);
  if (agree) {
    ++tally.agree;
    INFO("listed as a deviation but agrees now; remove it from kDeviations and docs/conformance.md: " << line);
    CHECK(d == nullptr);
    report.push_back(line + "  agree");
  } else if (d != nullptr && c.actual == d->actual) {
    ++tally.explained;
    report.push_back(line + "  EXPLAINED (docs/conformance.md)");
  } else {
    ++tally.unexplained;
    INFO(c.file);
    FAIL_CHECK("new disagreement: fix edict, or explain it in docs/conformance.md and list it in kDeviations:\n"
               << line << (d != nullptr ? std::string("\n  (listed with another status: ") + d->actual + ")" : ""));
    report.push_back(line + "  DISAGREE");
  }
}

TEST_CASE("the shipped rules agree with the corpus's expected verdicts", "[conformance][corpus]") {
  const fs::path corpus = EDICT_CORPUS_DIR;
  if (!fs::is_directory(corpus) || !fs::exists(corpus / "EXPECTED.json")) {
    edict::testing::skip_test("the corpus folder " + corpus.string() + " (or its EXPECTED.json) is absent");
    return;
  }
  std::ifstream in(corpus / "EXPECTED.json");
  nlohmann::json expected = nlohmann::json::parse(in);
  REQUIRE(expected.contains("files"));

  // Every mapped upstream id and every derived file must still exist in the corpus.
  std::set<std::string> upstream_ids;
  for (const auto& [file, entry] : expected["files"].items()) {
    for (const char* list : {"expectations", "derived_not_asserted_upstream"}) {
      if (!entry.contains(list)) continue;
      for (const auto& e : entry[list]) upstream_ids.insert(e.value("rule", ""));
    }
  }
  for (const Mapping& m : kMappings) {
    INFO("mapped upstream check " << m.upstream << " no longer appears in EXPECTED.json");
    CHECK(upstream_ids.count(m.upstream) == 1);
  }

  Tally asserted, derived;
  std::set<const Deviation*> seen;
  std::map<std::string, std::vector<std::string>> report;  // file -> lines
  std::map<std::string, std::map<std::pair<std::string, std::string>, std::string>> cache;
  auto results_of = [&](const std::string& file) -> const std::map<std::pair<std::string, std::string>, std::string>& {
    auto it = cache.find(file);
    if (it == cache.end()) it = cache.emplace(file, evaluate_file((corpus / file).string())).first;
    return it->second;
  };
  auto status_of = [&](const std::string& file, const std::string& rule, const std::string& resource) {
    const auto& results = results_of(file);
    auto hit = results.find({rule, resource});
    return hit == results.end() ? std::string("none") : hit->second;
  };

  for (const auto& [file, entry] : expected["files"].items()) {
    for (const char* list : {"expectations", "derived_not_asserted_upstream"}) {
      if (!entry.contains(list)) continue;
      for (const auto& e : entry[list]) {
        for (const Mapping* m : mappings_for(e.value("rule", ""))) {
          std::string want = e.value("result", "");
          if (m->relation == Relation::PassImpliesPass && want != "PASS") continue;
          if (m->relation == Relation::FailImpliesFail && want != "FAIL") continue;
          // Everything mapped is a plan file: the live-snapshot folders have no mapped checks.
          if (!fs::is_regular_file(corpus / file)) FAIL("a mapped check on something that is not a plan file: " << file);
          Comparison c{file, e.value("resource", ""), m->upstream, m->ours, want,
                       status_of(file, m->ours, e.value("resource", "")),
                       std::string(list) == "expectations" ? "asserted upstream" : "derived in EXPECTED.json"};
          compare(c, std::string(list) == "expectations" ? asserted : derived, seen, report[file]);
        }
      }
    }
  }
  for (const Derived& d : kDerived) {
    std::string want = d.expected;
    if (!fs::is_regular_file(corpus / d.file)) FAIL("derived row for a file that is not in the corpus: " << d.file);
    Comparison c{d.file, d.resource, "derived", d.ours, want, status_of(d.file, d.ours, d.resource),
                 std::string("derived: ") + d.why};
    compare(c, derived, seen, report[d.file]);
  }
  for (const Deviation& d : kDeviations) {
    INFO("kDeviations lists a comparison that was not made: " << d.file << " " << d.resource << " " << d.check);
    CHECK(seen.count(&d) == 1);
  }

  std::ostringstream out;
  out << "conformance: upstream-asserted " << asserted.agree << " agree, " << asserted.explained << " explained, "
      << asserted.unexplained << " unexplained; derived " << derived.agree << " agree, " << derived.explained
      << " explained, " << derived.unexplained << " unexplained\n";
  for (const auto& [file, lines] : report) {
    out << file << "\n";
    for (const std::string& l : lines) out << l << "\n";
  }
  // The summary is printed on every run (ctest -V shows it); docs/conformance.md quotes it.
  std::cout << out.str();
  CHECK(asserted.unexplained == 0);
  CHECK(derived.unexplained == 0);
}

}  // namespace
}  // namespace edict
