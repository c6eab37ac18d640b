// The rule catalogue (report/catalog.h): control spellings, filtering and sorting, and the lint on
// rules compiled from source (the renderings are pinned by tests/spec/catalog).
#include "report/catalog.h"

#include <catch2/catch.hpp>

#include "compiler/compiler.h"

using namespace edict;

namespace {

std::unique_ptr<bytecode::Program> compile(const char* text) {
  auto sources = std::make_shared<lang::SourceManager>();
  sources->add("lib.edict", text);
  lang::DiagnosticSink sink;
  auto program = compiler::compile(sources, sink, {}).program;
  REQUIRE(program);
  return program;
}

constexpr const char* kLibrary = R"(package t

# Doc of b.
rule b {
  title "B"  severity low  category iam  remediation "r"  controls "FSBP-IAM.1"
  on aws_iam_policy, aws_iam_role_policy
  assert true else "x"
}

# Doc of a,
# two lines.
rule a {
  title "A"  severity high  category encryption  remediation "r"  controls "CKV_AWS_7", "CIS-AWS-3.8"
  on aws_kms_key
  assert true
  message "{@address}"
}
rule c {
  on aws_kms_key
  assert true
}
)";

}  // namespace

TEST_CASE("control ids: the four spellings and nothing else") {
  for (const char* ok : {"CKV_AWS_1", "CKV_AWS_338", "CKV2_AWS_6", "CIS-AWS-1.4", "CIS-AWS-2.1.1", "CIS-AWS-5.2",
                         "FSBP-S3.1", "FSBP-CloudTrail.10", "FSBP-EC2.19", "FSBP-APIGateway.1"}) {
    INFO(ok);
    CHECK(report::valid_control_id(ok));
  }
  for (const char* bad : {"", "CKV_AWS_", "CKV_AWS_1a", "ckv_aws_1", "CKV3_AWS_1", "CKV_GCP_1", "CIS-AWS-2", "CIS-AWS-1.2.3.4",
                          "CIS-AWS-2..1", "CIS-AWS-2.1.", "CIS 2.1.1", "FSBP-S3", "FSBP-s3.1", "FSBP-.1", "FSBP-S3.x",
                          "FSBP-S_3.1", "NIST-SC-28"}) {
    INFO(bad);
    CHECK_FALSE(report::valid_control_id(bad));
  }
}

TEST_CASE("catalogue rules are sorted by id and filtered by control and type globs") {
  auto program = compile(kLibrary);
  auto ids = [](const std::vector<const bytecode::Rule*>& rules) {
    std::vector<std::string> out;
    for (const auto* r : rules) out.push_back(r->id);
    return out;
  };
  CHECK(ids(report::catalog_rules(*program, {})) == std::vector<std::string>{"a", "b", "c"});
  CHECK(ids(report::catalog_rules(*program, {{"CIS-*", "FSBP-IAM.1"}, {}})) == std::vector<std::string>{"a", "b"});
  CHECK(ids(report::catalog_rules(*program, {{}, {"aws_iam_*"}})) == std::vector<std::string>{"b"});
  CHECK(ids(report::catalog_rules(*program, {{"CKV_*"}, {"aws_kms_key"}})) == std::vector<std::string>{"a"});
  CHECK(report::catalog_rules(*program, {{"CKV_*"}, {"aws_iam_policy"}}).empty());
  const bytecode::Rule* a = program->find_rule("a");
  REQUIRE(a != nullptr);
  CHECK(a->doc == "Doc of a,\ntwo lines.");
  CHECK_FALSE(a->default_severity);
  CHECK(program->find_rule("c")->default_severity);
}

TEST_CASE("the lint names each rule's missing metadata at its rule line") {
  auto program = compile(kLibrary);
  auto issues = report::lint_rules(*program, report::catalog_rules(*program, {}));
  std::vector<std::string> lines;
  for (const auto& i : issues) lines.push_back(i.where + " " + i.rule + ": " + i.message);
  CHECK(lines == std::vector<std::string>{
                     "lib.edict:18 c: no doc comment (the `#` lines directly above `rule`)",
                     "lib.edict:18 c: no title",
                     "lib.edict:18 c: no severity",
                     "lib.edict:18 c: no category",
                     "lib.edict:18 c: no remediation",
                     "lib.edict:18 c: no message (and not every assert has an `else` message)",
                 });
  CHECK_THAT(report::render_lint(issues, 3), Catch::Matchers::EndsWith("\n6 problems in 1 of 3 rules\n"));
  CHECK(report::render_lint({}, 3) == "3 rules: lint clean\n");
}
