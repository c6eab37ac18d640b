// Terraform plan and state loading on the real corpus, plus the cases it lacks (deposed, forget,
// nested after_unknown) and a generated large plan.
#include <catch2/catch.hpp>

#include "model/joins.h"
#include "tests/loaders/test_util.h"

namespace edict::loaders {
namespace {

using model::Action;
using model::Mode;
using test::attr;
using test::have_corpus;
using test::load_corpus;
using test::resource;

constexpr const char* kTrivy = "aquasecurity__trivy/pkg/iac/scanners/terraformplan/tfjson/testdata/plan.json";
constexpr const char* kCheckov = "bridgecrewio__checkov/tests/terraform/runner/resources/";

TEST_CASE("trivy plan: after merged with after_unknown", "[plan][corpus]") {
  if (!have_corpus()) return;
  model::ResourceSet set;
  CHECK(load_corpus(set, kTrivy) == Format::Plan);
  // Three resource_changes plus the data source read while planning (prior_state only).
  REQUIRE(set.resources().size() == 4);
  const auto& sse = resource(set, "aws_s3_bucket_server_side_encryption_configuration.example");
  CHECK(sse.source == "plan");
  CHECK(sse.action == Action::Create);
  CHECK(sse.checked);
  CHECK(sse.mode == Mode::Managed);
  CHECK(sse.type == "aws_s3_bucket_server_side_encryption_configuration");
  CHECK(sse.name == "example");
  CHECK(sse.module_path.empty());
  CHECK(sse.index.empty());
  CHECK(attr(sse, "bucket")->is_unknown());
  CHECK(attr(sse, "id")->is_unknown());
  CHECK(attr(sse, "expected_bucket_owner")->is_null());
  CHECK(attr(sse, "rule.0.apply_server_side_encryption_by_default.0.sse_algorithm")->as_string() == "AES256");
  CHECK(attr(sse, "rule.0.bucket_key_enabled")->is_true());

  const auto& bucket = resource(set, "aws_s3_bucket.planbucket");
  CHECK(attr(bucket, "bucket")->as_string() == "tfsec-plan-testing");
  CHECK(attr(bucket, "versioning.0.enabled")->is_true());
  CHECK(attr(bucket, "server_side_encryption_configuration")->is_unknown());
  CHECK(attr(bucket, "arn")->is_unknown());
  CHECK(attr(bucket, "logging.0.target_bucket")->as_string() == "arn:aws:s3:::iac-tfsec-dev");

  const auto& sg = resource(set, "aws_security_group.sg");
  CHECK(attr(sg, "ingress.0.cidr_blocks.0")->as_string() == "0.0.0.0/0");  // after_unknown [false] keeps it
  CHECK(attr(sg, "egress")->is_unknown());
  CHECK(attr(sg, "tags.Name")->as_string() == "blah");

  const auto& logging = resource(set, "data.aws_s3_bucket.logging_bucket");
  CHECK(logging.mode == Mode::Data);
  CHECK_FALSE(logging.checked);
  CHECK(logging.action == Action::NoOp);
  CHECK(logging.type == "aws_s3_bucket");

  // The SSE configuration's bucket is unknown, but the configuration links it.
  CHECK(test::targets(set, sse.address, "bucket") == test::strings({"aws_s3_bucket.planbucket"}));
  CHECK(test::targets(set, bucket.address, "logging.target_bucket") ==
        test::strings({"data.aws_s3_bucket.logging_bucket"}));
  model::JoinIndex joins;
  joins.add(set, "aws_s3_bucket_server_side_encryption_configuration", intern("bucket"));
  CHECK(joins.referrers("aws_s3_bucket_server_side_encryption_configuration", intern("bucket"), bucket.id) ==
        std::vector<uint32_t>{sse.id});
}

TEST_CASE("unknown attributes vs absent ones (regula and TerraGoat EBS)", "[plan][corpus]") {
  if (!have_corpus()) return;
  model::ResourceSet set;
  load_corpus(set, "fugue__regula/rego/tests/rules/tf/aws/ebs/inputs/volume_encrypted_infra.json");
  CHECK(attr(resource(set, "aws_ebs_volume.good"), "encrypted")->is_true());
  CHECK(attr(resource(set, "aws_ebs_volume.bad"), "encrypted")->is_false());
  // `missing` sets no `encrypted`; the plan marks it known-after-apply (after_unknown.encrypted
  // is true), exactly like TerraGoat below. planned_values, which regula reads, just omits it.
  CHECK(attr(resource(set, "aws_ebs_volume.missing"), "encrypted")->is_unknown());
  CHECK(attr(resource(set, "aws_ebs_volume.missing"), "snapshot_id")->is_unknown());
  // An attribute in neither after nor after_unknown is absent, not unknown.
  CHECK(attr(resource(set, "aws_ebs_volume.missing"), "no_such_attribute") == nullptr);
  CHECK(attr(resource(set, "aws_ebs_volume.missing"), "multi_attach_enabled")->is_null());

  model::ResourceSet goat;
  load_corpus(goat, std::string(kCheckov) + "plan/tfplan.json");
  // 55 resource_changes and 4 data sources read while planning (prior_state only).
  CHECK(goat.resources().size() == 59);
  CHECK(resource(goat, "data.aws_caller_identity.current").mode == Mode::Data);
  CHECK(attr(resource(goat, "aws_ebs_volume.web_host_storage"), "encrypted")->is_unknown());
}

TEST_CASE("terraform-compliance 190: rule -> SG through a module output (TF 0.12)", "[plan][corpus][references]") {
  if (!have_corpus()) return;
  model::ResourceSet set;
  load_corpus(set, "terraform-compliance__cli/tests/functional/test_issue-190/plan.out.json");
  REQUIRE(set.resources().size() == 3);
  const auto& sg = resource(set, "module.mysg.aws_security_group.alb");
  CHECK(sg.module_path == "module.mysg");
  CHECK(test::targets(set, "aws_security_group_rule.elb-ingress-ssh", "security_group_id") ==
        test::strings({"module.mysg.aws_security_group.alb"}));
  CHECK(test::targets(set, "aws_security_group.elb", "").empty());
  CHECK(set.edges().size() == 1);
}

TEST_CASE("checkov nested child modules: bucket <-> public access block", "[plan][corpus][references]") {
  if (!have_corpus()) return;
  model::ResourceSet set;
  load_corpus(set, std::string(kCheckov) + "plan_nested_child_modules_with_connections/tfplan.json");
  CHECK(set.resources().size() == 9 + 1);  // + data.aws_canonical_user_id.this from prior_state
  CHECK(test::targets(set, "aws_s3_bucket_public_access_block.root", "bucket") ==
        test::strings({"aws_s3_bucket.root_bucket"}));
  CHECK(test::targets(set, "module.s3_module.aws_s3_bucket_public_access_block.module_bucket", "bucket") ==
        test::strings({"module.s3_module.aws_s3_bucket.module_bucket"}));
  const char* sub = "module.s3_module.module.s3_submodule.aws_s3_bucket_public_access_block.submodule_bucket";
  CHECK(test::targets(set, sub, "bucket") ==
        test::strings({"module.s3_module.module.s3_submodule.aws_s3_bucket.submodule_bucket"}));
  // count = 1 inside a registry module: `aws_s3_bucket.this[0].id` names the exact instance; the
  // policy it may also point at (count = 0) has no instance.
  const auto& pab = resource(set, "module.s3_bucket.aws_s3_bucket_public_access_block.this[0]");
  CHECK(pab.index == "0");
  CHECK(pab.module_path == "module.s3_bucket");
  CHECK(test::targets(set, pab.address, "bucket") == test::strings({"module.s3_bucket.aws_s3_bucket.this[0]"}));
  CHECK(test::targets(set, "module.s3_bucket.aws_s3_bucket_acl.this[0]", "bucket") ==
        test::strings({"module.s3_bucket.aws_s3_bucket.this[0]"}));
  // The reverse direction, as rules join it.
  const auto& root_bucket = resource(set, "aws_s3_bucket.root_bucket");
  model::JoinIndex joins;
  joins.add(set, "aws_s3_bucket_public_access_block", intern("bucket"));
  CHECK(joins.referrers("aws_s3_bucket_public_access_block", intern("bucket"), root_bucket.id).size() == 1);
}

TEST_CASE("infracost 0.14: count and for_each addresses, deep modules", "[plan][corpus]") {
  if (!have_corpus()) return;
  model::ResourceSet set;
  load_corpus(set, "infracost__infracost/cmd/infracost/testdata/terraform_v0.14_plan.json");
  CHECK(set.resources().size() == 26 + 6);  // + 6 data sources from prior_state
  size_t data = 0;
  for (const auto& r : set.resources()) data += r.mode == Mode::Data && !r.checked;
  CHECK(data == 6);
  const auto& named = resource(set, "aws_instance.instance_named[\"test.1\"]");
  CHECK(named.index == "\"test.1\"");
  CHECK(named.type == "aws_instance");
  CHECK(named.name == "instance_named");
  CHECK(named.action == Action::NoOp);
  CHECK(resource(set, "aws_instance.instance_named[\"test.2\"]").action == Action::Create);
  CHECK(resource(set, "aws_instance.instance_counted[1]").index == "1");
  const auto& db = resource(set, "module.db.module.db_1.module.db_instance.aws_db_instance.this[0]");
  CHECK(db.module_path == "module.db.module.db_1.module.db_instance");
  CHECK(db.action == Action::Update);
  CHECK(set.of_type("aws_instance").size() == 12);
  // The enhanced-monitoring attachment refers to the role of its own module instance only.
  CHECK(test::targets(
            set, "module.db.module.db_2.module.db_instance.aws_iam_role_policy_attachment.enhanced_monitoring[0]",
            "role") == test::strings({"module.db.module.db_2.module.db_instance.aws_iam_role.enhanced_monitoring[0]"}));
}

TEST_CASE("snyk policy-engine resource-changes: actions, a delete is unchecked", "[plan][corpus]") {
  if (!have_corpus()) return;
  model::ResourceSet set;
  load_corpus(set, "snyk__policy-engine/pkg/input/golden_test/tfplan/resource-changes/plan.json");
  REQUIRE(set.resources().size() == 4);
  const auto& deleted = resource(set, "aws_s3_bucket.delete_bucket");
  CHECK(deleted.action == Action::Delete);
  CHECK_FALSE(deleted.checked);
  CHECK(attr(deleted, "bucket")->is_string());  // attributes come from `before`
  CHECK(resource(set, "aws_s3_bucket.create_bucket").action == Action::Create);
  CHECK(attr(resource(set, "aws_s3_bucket.create_bucket"), "bucket")->is_unknown());
  CHECK(resource(set, "aws_s3_bucket.noop_bucket").action == Action::NoOp);
  CHECK(resource(set, "aws_s3_bucket.update_bucket").action == Action::Update);
  CHECK(attr(resource(set, "aws_s3_bucket.update_bucket"), "acl")->as_string() == "public-read");
  for (const auto& r : set.resources()) CHECK(r.checked == (r.action != Action::Delete));
}

TEST_CASE("checkov UTF-16 plan, corrupted (state-shaped) plan, data sources", "[plan][corpus]") {
  if (!have_corpus()) return;
  model::ResourceSet utf16;
  CHECK(load_corpus(utf16, std::string(kCheckov) + "plan_with_utf_16_encoding/tfplan.json") == Format::Plan);
  CHECK(utf16.resources().size() == 3);

  // corrupted-tfplan.json is a valid `terraform show -json` of a state: it loads as one.
  model::ResourceSet state;
  CHECK(load_corpus(state, std::string(kCheckov) + "plan/corrupted-tfplan.json") == Format::State);
  REQUIRE(state.resources().size() == 1);
  const auto& inst = resource(state, "test_instance.test");
  CHECK(inst.source == "state");
  CHECK(inst.action == Action::NoOp);
  CHECK(inst.checked);
  CHECK(attr(inst, "ami")->as_string() == "abc");  // sensitive_values are not values

  model::ResourceSet partial;
  load_corpus(partial, std::string(kCheckov) + "plan_data_resource_partial_values/tfplan.json");
  REQUIRE(partial.resources().size() == 2);
  const auto& data = resource(partial, "module.child.module.b.data.aws_eks_cluster.cluster");
  CHECK(data.mode == Mode::Data);
  CHECK(data.action == Action::Read);
  CHECK(data.module_path == "module.child.module.b");
  CHECK(data.type == "aws_eks_cluster");
  CHECK_FALSE(data.checked);
  CHECK(attr(data, "name")->as_string() == "test");
  CHECK(attr(data, "endpoint")->is_unknown());
  CHECK(partial.of_type("aws_eks_cluster", Mode::Data).size() == 1);
  CHECK(partial.of_type("aws_eks_cluster", Mode::Managed).size() == 1);

  LoadOptions opts;
  opts.check_data_sources = true;
  model::ResourceSet checked;
  load_corpus(checked, std::string(kCheckov) + "plan_data_resource_partial_values/tfplan.json", opts);
  CHECK(resource(checked, "module.child.module.b.data.aws_eks_cluster.cluster").checked);
}

TEST_CASE("checkov IAM data block: unknown list elements and data-source edges", "[plan][corpus][references]") {
  if (!have_corpus()) return;
  model::ResourceSet set;
  load_corpus(set, std::string(kCheckov) + "plan_with_iam_data_block/tfplan.json");
  const auto& doc = resource(set, "data.aws_iam_policy_document.allow_access_from_another_account");
  const Value* resources = attr(doc, "statement.0.resources");
  REQUIRE(resources->is_list());
  REQUIRE(resources->size() == 2);
  CHECK(resources->as_list()[0].is_unknown());
  CHECK(attr(doc, "statement.0.actions.0")->as_string() == "*");
  CHECK(attr(doc, "json")->is_unknown());
  CHECK(test::targets(set, doc.address, "statement.resources") == test::strings({"aws_s3_bucket.example"}));
  CHECK(test::targets(set, "aws_s3_bucket_policy.allow_access_from_another_account", "policy") ==
        test::strings({"data.aws_iam_policy_document.allow_access_from_another_account"}));
}

TEST_CASE("every corpus plan loads", "[plan][corpus]") {
  if (!have_corpus()) return;
  size_t plans = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(EDICT_CORPUS_DIR)) {
    std::string p = entry.path().string();
    if (entry.path().extension() != ".json" || p.find("EXPECTED") != std::string::npos) continue;
    std::string text = read_input(p);
    bool looks_terraform =
        text.find("\"resource_changes\"") != std::string::npos || text.find("\"root_module\"") != std::string::npos;
    model::ResourceSet set;
    INFO(p);
    // Custodian's describe recordings are live snapshots, read by loaders/custodian.cpp.
    bool looks_live = text.find("\"status_code\"") != std::string::npos;
    if (looks_terraform) {
      CHECK_NOTHROW(load_file(set, p));
      set.finish();
      ++plans;
    } else if (looks_live) {
      try {
        Format f = load_file(set, p);
        CHECK((f == Format::Custodian || f == Format::Config));
      } catch (const InputError&) {  // a recording of a call that describes no mapped resource
      }
    } else {
      CHECK_THROWS_AS(load_file(set, p), InputError);
    }
  }
  CHECK(plans >= 40);
}

// ---- cases the corpus lacks ----

constexpr std::string_view kChanges = R"({"format_version":"1.2","resource_changes":[
 {"address":"aws_instance.old","mode":"managed","type":"aws_instance","name":"old","deposed":"abcd1234",
  "change":{"actions":["delete"],"before":{"ami":"ami-1"},"after":null}},
 {"address":"aws_instance.old","mode":"managed","type":"aws_instance","name":"old",
  "change":{"actions":["create","delete"],"before":{"ami":"ami-1"},"after":{"ami":"ami-2"},"after_unknown":{}}},
 {"address":"aws_instance.gone","mode":"managed","type":"aws_instance","name":"gone",
  "change":{"actions":["forget"],"before":{"ami":"ami-3"},"after":null}},
 {"address":"aws_instance.swap","mode":"managed","type":"aws_instance","name":"swap",
  "change":{"actions":["delete","create"],"before":{},"after":{"tags":{"a":"b"}},
   "after_unknown":{"tags":{"c":true},"ebs":[{"size":true},{}],"meta":[{"x":false}],"list":[false,true],
    "nested":{"deep":[{"leaf":true}]}}}},
 {"address":"aws_instance.w","mode":"managed","type":"aws_instance","name":"w",
  "change":{"actions":["update"],"before":{},"after":{"a":null,"b":[null,2],"c":[{"d":1}]},
   "after_unknown":{"a":true,"b":[true,false],"c":[{"e":true}],"x":{}}}},
 {"address":"aws_instance.r","mode":"managed","type":"aws_instance","name":"r",
  "change":{"actions":["no-op"],"before":{"k":1},"after":{"k":1}}}
]})";

TEST_CASE("deposed objects, forget, replace and nested after_unknown", "[plan]") {
  model::ResourceSet set;
  load_text(set, kChanges, "changes.json");
  set.finish();
  REQUIRE(set.resources().size() == 6);
  const auto& deposed = set.resources()[0];
  CHECK(deposed.address == "aws_instance.old");
  CHECK_FALSE(deposed.checked);
  CHECK(attr(deposed, "ami")->as_string() == "ami-1");
  const auto& current = set.resources()[1];
  CHECK(current.action == Action::Replace);
  CHECK(current.checked);
  CHECK(attr(current, "ami")->as_string() == "ami-2");
  CHECK(set.by_address("aws_instance.old") != nullptr);

  const auto& forgotten = resource(set, "aws_instance.gone");
  CHECK(forgotten.action == Action::Delete);
  CHECK_FALSE(forgotten.checked);

  const auto& swap = resource(set, "aws_instance.swap");
  CHECK(swap.action == Action::Replace);
  CHECK(attr(swap, "tags.a")->as_string() == "b");
  CHECK(attr(swap, "tags.c")->is_unknown());
  // Keys only in after_unknown are inserted when they hold an unknown leaf.
  REQUIRE(attr(swap, "ebs")->size() == 2);
  CHECK(attr(swap, "ebs.0.size")->is_unknown());
  CHECK(attr(swap, "ebs.1")->is_null());
  CHECK(attr(swap, "meta") == nullptr);
  CHECK(attr(swap, "list.0")->is_null());
  CHECK(attr(swap, "list.1")->is_unknown());
  CHECK(attr(swap, "nested.deep.0.leaf")->is_unknown());

  const auto& w = resource(set, "aws_instance.w");
  CHECK(attr(w, "a")->is_unknown());  // null replaced
  CHECK(attr(w, "b.0")->is_unknown());
  CHECK(attr(w, "b.1")->as_number() == 2);
  CHECK(attr(w, "c.0.d")->as_number() == 1);
  CHECK(attr(w, "c.0.e")->is_unknown());
  CHECK(attr(w, "x") == nullptr);
  CHECK(to_display(w.attrs) == "{\"a\": unknown, \"b\": [unknown, 2], \"c\": [{\"d\": 1, \"e\": unknown}]}");

  CHECK(resource(set, "aws_instance.r").action == Action::NoOp);
}

TEST_CASE("plans without resource_changes fall back to planned_values", "[plan]") {
  model::ResourceSet set;
  load_text(set, R"({"format_version":"0.1","planned_values":{"root_module":{
    "resources":[{"address":"aws_s3_bucket.a","mode":"managed","type":"aws_s3_bucket","name":"a","values":{"bucket":"a"}}],
    "child_modules":[{"address":"module.m","resources":[
      {"address":"module.m.aws_s3_bucket.b[\"k\"]","mode":"managed","type":"aws_s3_bucket","name":"b","index":"k",
       "values":{"bucket":"b"}}],
      "child_modules":[{"address":"module.m.module.n","resources":[
        {"address":"module.m.module.n.data.aws_caller_identity.c","mode":"data","type":"aws_caller_identity",
         "name":"c","values":{}}]}]}]}}})",
            "pv.json");
  set.finish();
  REQUIRE(set.resources().size() == 3);
  CHECK(attr(resource(set, "aws_s3_bucket.a"), "bucket")->as_string() == "a");
  const auto& b = resource(set, "module.m.aws_s3_bucket.b[\"k\"]");
  CHECK(b.module_path == "module.m");
  CHECK(b.index == "\"k\"");
  CHECK(b.action == Action::None);
  CHECK(b.source == "plan");
  const auto& c = resource(set, "module.m.module.n.data.aws_caller_identity.c");
  CHECK(c.mode == Mode::Data);
  CHECK(c.module_path == "module.m.module.n");
  CHECK_FALSE(c.checked);
}

TEST_CASE("malformed resource_changes entries are errors that say where", "[plan]") {
  model::ResourceSet set;
  CHECK_THROWS_WITH(load_text(set, R"({"resource_changes":[{"change":{"actions":["create"]}}]})", "p.json"),
                    "p.json: resource_changes[0]: missing \"address\"");
  CHECK_THROWS_WITH(load_text(set, R"({"resource_changes":[{"address":"a.b"}]})", "p.json"),
                    "p.json: resource_changes[0]: missing \"change\"");
  CHECK_THROWS_WITH(load_text(set, R"({"resource_changes":[1]})", "p.json"),
                    "p.json: resource_changes[0] is not an object");
}

// A generated plan of many instances: counts and a few spot checks (and no quadratic blow-up).
TEST_CASE("a generated plan with 5000 resources", "[plan][large]") {
  const int n = 2500;
  std::string text = R"({"format_version":"1.2","resource_changes":[)";
  for (int i = 0; i < n; ++i) {
    std::string idx = std::to_string(i);
    if (i > 0) text += ',';
    text += R"({"address":"module.app[\")" + idx + R"(\"].aws_s3_bucket.b","module_address":"module.app[\")" + idx +
            R"(\"]","mode":"managed","type":"aws_s3_bucket","name":"b","change":{"actions":["create"],"after":)"
            R"({"bucket":"bucket-)" +
            idx + R"(","tags":{"n":")" + idx + R"("}},"after_unknown":{"id":true,"arn":true}}},)";
    text +=
        R"({"address":"module.app[\")" + idx +
        R"(\"].aws_s3_bucket_public_access_block.p[0]","module_address":)"
        R"("module.app[\")" +
        idx +
        R"(\"]","mode":"managed","type":"aws_s3_bucket_public_access_block","name":"p",)"
        R"("index":0,"change":{"actions":["create"],"after":{"block_public_acls":true},"after_unknown":{"bucket":true}}})";
  }
  text +=
      R"(],"configuration":{"root_module":{"module_calls":{"app":{"source":"./app","for_each_expression":)"
      R"({"references":["var.apps"]},"module":{"resources":[)"
      R"({"address":"aws_s3_bucket.b","mode":"managed","type":"aws_s3_bucket","name":"b","expressions":{}},)"
      R"({"address":"aws_s3_bucket_public_access_block.p","mode":"managed","type":"aws_s3_bucket_public_access_block",)"
      R"("name":"p","count_expression":{"constant_value":1},)"
      R"("expressions":{"bucket":{"references":["aws_s3_bucket.b.id","aws_s3_bucket.b"]}}}]}}}}}})";
  model::ResourceSet set;
  CHECK(load_text(set, text, "big.json") == Format::Plan);
  set.finish();
  REQUIRE(set.resources().size() == 2 * n);
  CHECK(set.of_type("aws_s3_bucket").size() == n);
  CHECK(set.of_type("aws_s3_bucket_public_access_block").size() == n);
  // One edge per module instance: each block refers to the bucket of its own instance only.
  CHECK(set.edges().size() == n);
  CHECK(test::targets(set, "module.app[\"1234\"].aws_s3_bucket_public_access_block.p[0]", "bucket") ==
        test::strings({"module.app[\"1234\"].aws_s3_bucket.b"}));
  const auto& b = resource(set, "module.app[\"42\"].aws_s3_bucket.b");
  CHECK(b.module_path == "module.app[\"42\"]");
  CHECK(attr(b, "tags.n")->as_string() == "42");
  CHECK(attr(b, "arn")->is_unknown());
}

}  // namespace
}  // namespace edict::loaders
