// The mapping tables (mappings/*.yaml) and the live loaders on hand-made fixtures
// (tests/spec/live/inputs): errors name file and line, every required type is mapped, nested
// blocks and encoded documents are decoded, and one rules directory gives the same verdicts on
// a plan and on a live snapshot of the same resources.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "compiler/compiler.h"
#include "engine/evaluate.h"
#include "engine/rule_sources.h"
#include "loaders/internal/mapping.h"
#include "loaders/loader.h"

using namespace edict;
using loaders::internal::parse_mapping;

namespace {

const std::string kInputs = std::string(EDICT_SOURCE_DIR) + "/tests/spec/live/inputs/";

std::string error_of(std::string_view text) {
  try {
    parse_mapping("mappings/x.yaml", text);
  } catch (const loaders::InputError& e) {
    return e.what();
  }
  return "no error";
}

std::string attr(const model::Resource& r, std::string_view path) {
  const Value* v = model::find_path(r.attrs, path);
  return v ? to_json(*v) : "absent";
}

// rule id + resource `id` attribute -> status, for comparing a plan with a snapshot.
std::map<std::string, std::string> verdicts(const std::string& input) {
  auto sources = std::make_shared<lang::SourceManager>();
  std::string error;
  REQUIRE(engine::add_rule_paths(*sources, {std::string(EDICT_SOURCE_DIR) + "/rules"}, error));
  lang::DiagnosticSink sink;
  auto program = compiler::compile(sources, sink, {}).program;
  REQUIRE(program);
  model::ResourceSet set;
  loaders::load_file(set, input);
  set.finish();
  engine::EvalOptions opts;
  opts.now_unix = 1;
  std::map<std::string, std::string> out;
  for (const engine::Result& r : engine::evaluate(*program, set, opts).items) {
    // Synthesized split resources (a bucket's public access block) have no `id` of their own live;
    // their link to the bucket names them, as the bucket name is the block's id in a plan.
    std::string id = attr(*r.resource, "id");
    if (id == "absent") id = attr(*r.resource, "bucket");
    out[r.rule->id + " " + id] = std::string(engine::status_name(r.status));
  }
  return out;
}

}  // namespace

TEST_CASE("every shipped mapping parses and the required types are covered") {
  std::set<std::string> types;
  for (const auto& m : loaders::internal::mappings()) types.insert(m.type);
  for (const char* t : {"aws_s3_bucket", "aws_ebs_volume", "aws_db_instance", "aws_security_group", "aws_instance",
                        "aws_iam_policy", "aws_kms_key", "aws_cloudtrail", "aws_lb"}) {
    CHECK(types.count(t) == 1);
  }
  CHECK(loaders::internal::by_config_type("AWS::S3::Bucket")->type == "aws_s3_bucket");
  CHECK(loaders::internal::by_custodian_resource("security-group")->type == "aws_security_group");
  CHECK(loaders::internal::by_custodian_resource("aws.nope") == nullptr);
}

TEST_CASE("a mapping file error names the file, line and column") {
  CHECK(error_of("type: aws_x\nattributes:\n  - {name: a, config: [b\n") .starts_with("mappings/x.yaml:"));
  CHECK(error_of("type: aws_x\nattributes:\n  - {name: a, colour: b}\n") ==
        "mappings/x.yaml:3:15: unknown key 'colour'");
  CHECK(error_of("type: aws_x\nattributes:\n  - {name: a, config: b, as: frobnicate}\n") ==
        "mappings/x.yaml:3:30: unknown transform 'frobnicate'");
  CHECK(error_of("config: {types: [AWS::X]}\n") == "mappings/x.yaml:1:1: missing 'type'");
  CHECK(error_of("type: aws_x\n") == "no error");
}

TEST_CASE("paths, wildcards, transforms and URL decoding") {
  using namespace loaders::internal;
  CHECK(url_decode("%7B%22a%22%3A1%7D") == "{\"a\":1}");
  Arena arena;
  Value doc = decode_embedded(arena, "%7B%22x%22%3A%5B%7B%22c%22%3A%221%22%7D%2C%7B%22c%22%3A%222%22%7D%5D%7D");
  REQUIRE(doc.is_object());
  CHECK(to_json(eval_path(arena, doc, "x[*].c")) == "[\"1\",\"2\"]");
  CHECK(eval_path(arena, doc, "y.z").is_null());
}

TEST_CASE("an API-dialect item: JSON-string configuration and a URL-encoded IAM document") {
  model::ResourceSet set;
  loaders::load_file(set, kInputs + "config_item_api.json");
  set.finish();
  REQUIRE(set.resources().size() == 1);
  const auto& p = set.resources()[0];
  CHECK(p.type == "aws_iam_policy");
  CHECK(p.address == "arn:aws:iam::111122223333:policy/admin");
  CHECK(attr(p, "name") == "\"admin\"");
  CHECK(attr(p, "policy") ==
        "\"{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\",\\\"Action\\\":\\\"*\\\","
        "\\\"Resource\\\":\\\"*\\\"}]}\"");
}

TEST_CASE("a snapshot surfaces S3 encryption and public access blocks as linked resources") {
  model::ResourceSet set;
  CHECK(loaders::load_file(set, kInputs + "config_snapshot.json") == loaders::Format::Config);
  set.finish();
  const auto* sse = set.by_address("arn:aws:s3:::edict-good#aws_s3_bucket_server_side_encryption_configuration");
  REQUIRE(sse);
  CHECK(attr(*sse, "bucket") == "\"edict-good\"");
  CHECK(attr(*sse, "rule.apply_server_side_encryption_by_default.sse_algorithm") == "\"aws:kms\"");
  const auto* bucket = set.by_address("arn:aws:s3:::edict-good");
  REQUIRE(bucket);
  CHECK(set.targets(sse->id) == std::vector<uint32_t>{bucket->id});
  CHECK(attr(*bucket, "tags.Environment") == "\"production\"");
  const auto* sg = set.by_address("arn:aws:ec2:eu-west-1:111122223333:security-group/sg-0rdp");
  REQUIRE(sg);
  CHECK(attr(*sg, "ingress.from_port") == "3389");
  CHECK(attr(*sg, "egress.from_port") == "0");  // all traffic: no ports in Config, 0 as in Terraform
  // The unknown type is counted and listed; the deleted item is skipped and counted.
  REQUIRE(set.notes.size() == 2);
  CHECK(set.notes[1].second.find("AWS::IoT::Policy (1)") != std::string::npos);
  CHECK(set.of_type("aws_ebs_volume").size() == 1);
}

TEST_CASE("Custodian resources.json typed by metadata.json, annotations mapped") {
  model::ResourceSet set;
  CHECK(loaders::load_file(set, kInputs + "custodian/s3/resources.json") == loaders::Format::Custodian);
  set.finish();
  CHECK(set.of_type("aws_s3_bucket").size() == 2);
  CHECK(set.of_type("aws_s3_bucket_public_access_block").size() == 2);
  CHECK(set.of_type("aws_s3_bucket_server_side_encryption_configuration").size() == 1);  // {} = none
  const auto* b = set.by_address("arn:aws:s3:::edict-good");
  REQUIRE(b);
  CHECK(b->source == "custodian");
  CHECK(attr(*b, "tags.Environment") == "\"production\"");
}

TEST_CASE("one rules directory gives the same verdicts on a plan and on live snapshots") {
  auto plan = verdicts(kInputs + "plan_same_resources.json");
  auto config = verdicts(kInputs + "config_snapshot.json");
  CHECK(plan.size() >= 8);  // the shipped six rules give 8; the wider library adds more
  // A skip on either side is no verdict (some rules judge plans only: data a snapshot lacks), as
  // in `edict drift`; every other verdict must be the same.
  for (auto it = plan.begin(); it != plan.end();) {
    auto c = config.find(it->first);
    bool skipped = it->second == "skip" || (c != config.end() && c->second == "skip");
    if (skipped && c != config.end()) config.erase(c);
    it = skipped ? plan.erase(it) : std::next(it);
  }
  std::erase_if(config, [](const auto& kv) { return kv.second == "skip"; });
  CHECK(plan == config);
  // Custodian covers the S3 buckets and the security group of the same estate.
  auto s3 = verdicts(kInputs + "custodian/s3/resources.json");
  auto sg = verdicts(kInputs + "custodian/sg/resources.json");
  // A rule that cannot judge Custodian's data skips it (s3-object-lock-enabled: no Object Lock in
  // Custodian's s3 records); every other verdict must match.
  for (const auto& [key, status] : s3) {
    if (status != "skip") CHECK(plan.at(key) == status);
  }
  CHECK(sg.at("CUSTOM_NET_001 \"sg-0rdp\"") == plan.at("CUSTOM_NET_001 \"sg-0rdp\""));
}
