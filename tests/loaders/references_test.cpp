// The reference graph (FORMATS A.7) on small hand-written plans: variables, module outputs,
// instance keys, prefixes, cycles and the TF 0.12 form.
#include <catch2/catch.hpp>

#include "tests/loaders/test_util.h"

namespace edict::loaders {
namespace {

using test::strings;
using test::targets;

// A plan whose resource_changes are creates of `addresses` (type and name read from the address;
// module_address left out, as the loader must not need it) and whose configuration is `config`.
std::string plan(std::initializer_list<std::string> addresses, const std::string& config) {
  std::string text = R"({"format_version":"1.2","resource_changes":[)";
  bool first = true;
  for (const std::string& a : addresses) {
    if (!first) text += ',';
    first = false;
    std::string escaped;
    for (char c : a) {
      if (c == '"') escaped += '\\';
      escaped += c;
    }
    bool data = a.find("data.") != std::string::npos;
    text += R"({"address":")" + escaped + R"(","mode":")" + (data ? "data" : "managed") +
            R"(","change":{"actions":[")" + (data ? "read" : "create") + R"("],"after":{},"after_unknown":{}}})";
  }
  return text + R"(],"configuration":{"root_module":)" + config + "}}";
}

model::ResourceSet load(const std::string& text) {
  model::ResourceSet set;
  load_text(set, text, "refs.json");
  set.finish();
  return set;
}

TEST_CASE("direct references, nested blocks and prefix dropping", "[references]") {
  auto set = load(plan({"aws_s3_bucket.b", "aws_kms_key.k", "aws_s3_bucket_server_side_encryption_configuration.s"},
                       R"({"resources":[
      {"address":"aws_s3_bucket_server_side_encryption_configuration.s","expressions":{
        "bucket":{"references":["aws_s3_bucket.b.id","aws_s3_bucket.b"]},
        "rule":[{"apply_server_side_encryption_by_default":[{
           "kms_master_key_id":{"references":["aws_kms_key.k.arn","aws_kms_key.k"]},
           "sse_algorithm":{"constant_value":"aws:kms"}}]}],
        "expected_bucket_owner":{}}}]})"));
  const char* s = "aws_s3_bucket_server_side_encryption_configuration.s";
  CHECK(targets(set, s, "bucket") == strings({"aws_s3_bucket.b"}));
  CHECK(targets(set, s, "rule.apply_server_side_encryption_by_default.kms_master_key_id") ==
        strings({"aws_kms_key.k"}));
  CHECK(set.edges().size() == 2);
  CHECK(set.has_edges(set.by_address(s)->id, intern("bucket")));
}

TEST_CASE("variables resolve in the parent module, outputs in the child", "[references]") {
  // root: module.net (makes the SG, outputs it) and module.app (takes it as var.sg_id).
  auto set = load(plan({"module.net.aws_security_group.main", "module.app.aws_security_group_rule.r",
                        "module.app.module.inner.aws_instance.i", "aws_s3_bucket.logs"},
                       R"({"variables":{"x":{}},"module_calls":{
      "net":{"source":"./net","module":{
        "outputs":{"sg_id":{"expression":{"references":["aws_security_group.main.id","aws_security_group.main"]}},
                   "echo":{"expression":{"references":["var.bucket"]}}},
        "resources":[{"address":"aws_security_group.main","expressions":{}}]},
        "expressions":{"bucket":{"references":["aws_s3_bucket.logs.id","aws_s3_bucket.logs"]}}},
      "app":{"source":"./app","expressions":{"sg_id":{"references":["module.net.sg_id","module.net"]},
                                             "logs":{"references":["module.net.echo","module.net"]}},
        "module":{
          "resources":[{"address":"aws_security_group_rule.r","expressions":{
            "security_group_id":{"references":["var.sg_id"]},"description":{"references":["var.logs"]},
            "cidr_blocks":{"references":["var.x"]}}}],
          "module_calls":{"inner":{"source":"./inner","expressions":{"sg":{"references":["var.sg_id"]}},
            "module":{"resources":[{"address":"aws_instance.i","expressions":{
              "vpc_security_group_ids":{"references":["var.sg"]}}}]}}}}}},
      "resources":[{"address":"aws_s3_bucket.logs","expressions":{"bucket":{"references":["var.x"]}}}]})"));
  CHECK(targets(set, "module.app.aws_security_group_rule.r", "security_group_id") ==
        strings({"module.net.aws_security_group.main"}));
  // Through an output that is itself a variable of the child: back to the root.
  CHECK(targets(set, "module.app.aws_security_group_rule.r", "description") == strings({"aws_s3_bucket.logs"}));
  // Two variable hops up, then down through an output.
  CHECK(targets(set, "module.app.module.inner.aws_instance.i", "vpc_security_group_ids") ==
        strings({"module.net.aws_security_group.main"}));
  // Root variables are values, not resources.
  CHECK(targets(set, "aws_s3_bucket.logs", "").empty());
  CHECK(targets(set, "module.app.aws_security_group_rule.r", "cidr_blocks").empty());
}

TEST_CASE("instance keys: named index, module keys, count.index and for_each", "[references]") {
  auto set = load(plan(
      {"aws_s3_bucket.b[0]", "aws_s3_bucket.b[1]", "aws_s3_bucket_policy.first",
       "aws_s3_bucket_public_access_block.p[0]", "aws_s3_bucket_public_access_block.p[1]", "aws_s3_bucket.named[\"x\"]",
       "aws_s3_bucket.named[\"y\"]", "aws_s3_bucket_acl.a[\"x\"]", "aws_s3_bucket_acl.a[\"y\"]",
       "aws_s3_bucket_logging.all", "module.m[\"a\"].aws_sqs_queue.q", "module.m[\"b\"].aws_sqs_queue.q",
       "module.m[\"a\"].aws_sns_topic.t", "module.m[\"b\"].aws_sns_topic.t", "aws_lambda_function.f"},
      R"({"resources":[
      {"address":"aws_s3_bucket.b","count_expression":{"constant_value":2},"expressions":{}},
      {"address":"aws_s3_bucket_policy.first","expressions":{
        "bucket":{"references":["aws_s3_bucket.b[0].id","aws_s3_bucket.b[0]","aws_s3_bucket.b"]}}},
      {"address":"aws_s3_bucket_public_access_block.p","count_expression":{"constant_value":2},"expressions":{
        "bucket":{"references":["aws_s3_bucket.b","count.index"]}}},
      {"address":"aws_s3_bucket_acl.a","for_each_expression":{"references":["aws_s3_bucket.named"]},
       "expressions":{"bucket":{"references":["each.value.id","each.value"]}}},
      {"address":"aws_s3_bucket_logging.all","expressions":{"bucket":{"references":["aws_s3_bucket.b"]}}},
      {"address":"aws_lambda_function.f","expressions":{
        "role":{"references":["module.m[\"b\"].topic","module.m[\"b\"]","module.m"]},
        "layers":{"references":["module.m"]}}}],
     "module_calls":{"m":{"source":"./m","for_each_expression":{"constant_value":{"a":1,"b":2}},"module":{
       "outputs":{"topic":{"expression":{"references":["aws_sns_topic.t.arn","aws_sns_topic.t"]}}},
       "resources":[{"address":"aws_sqs_queue.q","expressions":{"policy":{"references":["aws_sns_topic.t.arn","aws_sns_topic.t"]}}},
                    {"address":"aws_sns_topic.t","expressions":{}}]}}}})"));
  CHECK(targets(set, "aws_s3_bucket_policy.first", "bucket") == strings({"aws_s3_bucket.b[0]"}));
  CHECK(targets(set, "aws_s3_bucket_public_access_block.p[1]", "bucket") == strings({"aws_s3_bucket.b[1]"}));
  CHECK(targets(set, "aws_s3_bucket_acl.a[\"y\"]", "bucket") == strings({"aws_s3_bucket.named[\"y\"]"}));
  CHECK(targets(set, "aws_s3_bucket_logging.all", "bucket") == strings({"aws_s3_bucket.b[0]", "aws_s3_bucket.b[1]"}));
  CHECK(targets(set, "module.m[\"a\"].aws_sqs_queue.q", "policy") == strings({"module.m[\"a\"].aws_sns_topic.t"}));
  CHECK(targets(set, "module.m[\"b\"].aws_sqs_queue.q", "policy") == strings({"module.m[\"b\"].aws_sns_topic.t"}));
  CHECK(targets(set, "aws_lambda_function.f", "role") == strings({"module.m[\"b\"].aws_sns_topic.t"}));
  // The whole module object (`values(module.m)`): every output of every instance.
  CHECK(targets(set, "aws_lambda_function.f", "layers") ==
        strings({"module.m[\"a\"].aws_sns_topic.t", "module.m[\"b\"].aws_sns_topic.t"}));
}

TEST_CASE("addresses win over a configuration that shows no count or for_each", "[references]") {
  auto set = load(plan({"module.m[0].aws_sns_topic.t", "aws_sqs_queue.q"},
                       R"({"resources":[{"address":"aws_sqs_queue.q","expressions":{
        "policy":{"references":["module.m.arn"]}}}],
     "module_calls":{"m":{"source":"./m","module":{
       "outputs":{"arn":{"expression":{"references":["aws_sns_topic.t.arn","aws_sns_topic.t"]}}},
       "resources":[{"address":"aws_sns_topic.t","expressions":{}}]}}}})"));
  CHECK(targets(set, "aws_sqs_queue.q", "policy") == strings({"module.m[0].aws_sns_topic.t"}));
}

TEST_CASE("TF 0.12 references, data sources, locals and unknown names", "[references]") {
  auto set = load(plan({"aws_security_group.alb", "aws_security_group_rule.r", "data.aws_iam_policy_document.d",
                        "aws_iam_policy.p", "aws_s3_bucket.l"},
                       R"({"resources":[
      {"address":"aws_security_group_rule.r","expressions":{
        "security_group_id":{"references":["aws_security_group.alb"]},
        "self_ref":{"references":["self.id","path.module","terraform.workspace"]}}},
      {"address":"aws_iam_policy.p","expressions":{"policy":{"references":["data.aws_iam_policy_document.d"]}}},
      {"address":"aws_s3_bucket.l","expressions":{"bucket":{"references":["local.name"]},
        "acl":{"references":["aws_s3_bucket.nothing_like_this"]}}},
      {"address":"data.aws_iam_policy_document.d","expressions":{}}]})"));
  CHECK(targets(set, "aws_security_group_rule.r", "security_group_id") == strings({"aws_security_group.alb"}));
  CHECK(targets(set, "aws_iam_policy.p", "policy") == strings({"data.aws_iam_policy_document.d"}));
  CHECK(targets(set, "aws_s3_bucket.l", "").empty());
  CHECK(set.edges().size() == 2);
  REQUIRE(set.notes.size() == 1);
  CHECK(set.notes[0].second.find("1 attribute(s)") != std::string::npos);
}

TEST_CASE("cycles through variables and outputs terminate", "[references]") {
  // module.a's output reads its variable, which the root feeds from that same output.
  auto set = load(plan({"module.a.aws_s3_bucket.b"},
                       R"({"module_calls":{"a":{"source":"./a",
        "expressions":{"v":{"references":["module.a.out","module.a"]}},
        "module":{"outputs":{"out":{"expression":{"references":["var.v"]}}},
          "resources":[{"address":"aws_s3_bucket.b","expressions":{"bucket":{"references":["var.v"]}}}]}}}})"));
  CHECK(targets(set, "module.a.aws_s3_bucket.b", "").empty());
}

TEST_CASE("deleted resources take no part in the graph", "[references]") {
  std::string text = plan({"aws_s3_bucket.b", "aws_s3_bucket_versioning.v"},
                          R"({"resources":[{"address":"aws_s3_bucket_versioning.v","expressions":{
        "bucket":{"references":["aws_s3_bucket.b.id","aws_s3_bucket.b"]}}}]})");
  text.replace(text.find("\"create\""), 8, "\"delete\"");
  auto set = load(text);
  CHECK(set.resources()[0].action == model::Action::Delete);
  CHECK(set.edges().empty());
}

}  // namespace
}  // namespace edict::loaders
