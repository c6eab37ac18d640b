// The rule test runner's pieces: addresses, YAML scalars and tags in fixtures, file discovery,
// --run matching, fixtures turned into resources with unknowns and reference edges, and the
// listing escaping what test files and fixtures hold.
#include "ruletest/ruletest.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "ruletest/internal/fixture.h"

using namespace edict;
using namespace edict::ruletest;

namespace fs = std::filesystem;

namespace {

using Files = std::vector<std::pair<std::string, std::string>>;

// A scratch directory holding the given files, removed at the end of the test.
struct TempDir {
  fs::path root = fs::temp_directory_path() / ("edict_ruletest_" + std::to_string(::getpid()));
  explicit TempDir(const Files& files) {
    fs::remove_all(root);
    for (const auto& [name, text] : files) {
      fs::create_directories((root / name).parent_path());
      std::ofstream(root / name) << text;
    }
  }
  ~TempDir() { fs::remove_all(root); }
  std::string path(const std::string& name) const { return (root / name).string(); }
};

}  // namespace

TEST_CASE("addresses give type, name, module and index") {
  internal::Address a;
  REQUIRE(internal::parse_address("module.db[\"eu.west\"].module.x.aws_db_instance.main[0]", a));
  CHECK(a.module_path == "module.db[\"eu.west\"].module.x");
  CHECK(a.type == "aws_db_instance");
  CHECK(a.name == "main");
  CHECK(a.index == "0");
  REQUIRE(internal::parse_address("data.aws_iam_policy_document.p", a));
  CHECK(a.data);
  CHECK(a.type == "aws_iam_policy_document");
  CHECK_FALSE(internal::parse_address("aws_db_instance", a));
  CHECK_FALSE(internal::parse_address("aws_db_instance.a.b", a));
  CHECK_FALSE(internal::parse_address("aws_db_instance.a[", a));
}

TEST_CASE("fixtures resolve YAML scalars, !unknown and !ref into values and edges") {
  TempDir dir(Files{{"t.test.yaml", R"(tests:
  - name: values
    resources:
      aws_s3_bucket.b: {bucket: "007", id: b-1}
      aws_thing.t:
        flag: true
        quoted: "true"
        n: 1.5e1
        version: 1.2.3
        nothing: ~
        later: !unknown
        list: [!ref aws_s3_bucket.b, 2]
        nested: {target: !ref aws_s3_bucket.b}
    expect:
      R: {aws_thing.t: pass}
)"}});
  TestFile f;
  std::string error;
  REQUIRE(load_test_file(dir.path("t.test.yaml"), f, error));
  model::ResourceSet set;
  std::vector<std::string> errors;
  REQUIRE(internal::build_fixture(f, f.tests[0], set, errors));
  const model::Resource* t = set.by_address("aws_thing.t");
  REQUIRE(t != nullptr);
  CHECK(t->type == "aws_thing");
  CHECK(to_display(t->attrs) ==
        "{\"flag\": true, \"quoted\": \"true\", \"n\": 15, \"version\": \"1.2.3\", \"nothing\": null, "
        "\"later\": unknown, \"list\": [unknown, 2], \"nested\": {\"target\": unknown}}");
  const model::Resource* b = set.by_address("aws_s3_bucket.b");
  REQUIRE(b != nullptr);
  CHECK(to_display(b->attrs) == "{\"bucket\": \"007\", \"id\": \"b-1\"}");
  CHECK(set.targets(t->id, intern("list")) == std::vector<uint32_t>{b->id});
  CHECK(set.targets(t->id, intern("nested.target")) == std::vector<uint32_t>{b->id});
}

TEST_CASE("bad test files are reported with file, line and column") {
  TempDir dir(
      Files{{"a.test.yaml", "tests:\n  - name: x\n    resources: {aws_x.a: {}}\n    expect: {R: {aws_x.a: nope}}\n"},
            {"b.test.yaml",
             "tests:\n  - name: x\n    resources: {aws_x.a: {v: !secret 1}}\n    expect: {R: {aws_x.a: pass}}\n"},
            {"c.test.yaml", "tests: []\n"},
            {"d.test.yaml", "tests:\n  - name: x\n    expect: {R: {aws_x.a: pass}}\n"}});
  TestFile f;
  std::string error;
  CHECK_FALSE(load_test_file(dir.path("a.test.yaml"), f, error));
  CHECK(error == dir.path("a.test.yaml") + ":4:27: 'nope' is not a status: use pass, fail, skip, unknown or error");
  CHECK_FALSE(load_test_file(dir.path("b.test.yaml"), f, error));
  CHECK(error ==
        dir.path("b.test.yaml") + ":3:30: unknown tag '!secret' (fixtures know `!unknown` and `!ref ADDRESS`)");
  CHECK_FALSE(load_test_file(dir.path("c.test.yaml"), f, error));
  CHECK(error == dir.path("c.test.yaml") + ":1:1: a test file needs a non-empty `tests` list");
  CHECK_FALSE(load_test_file(dir.path("d.test.yaml"), f, error));
  CHECK(error == dir.path("d.test.yaml") + ":2:5: test 'x' needs `resources` or a `fixture`");
}

TEST_CASE("test files are found next to rules, and rules next to test files") {
  TempDir dir(Files{
      {"r/a.edict", ""}, {"r/a.test.yaml", ""}, {"r/sub/b.edict", ""}, {"r/sub/b.test.yaml", ""}, {"r/c.edict", ""}});
  TestPlan plan;
  std::string error;
  REQUIRE(find_tests({dir.path("r/a.edict"), dir.path("r/sub/b.test.yaml")}, plan, error));
  CHECK(plan.rule_files == std::vector<std::string>{dir.path("r/a.edict"), dir.path("r/sub/b.edict")});
  CHECK(plan.test_files == std::vector<std::string>{dir.path("r/a.test.yaml"), dir.path("r/sub/b.test.yaml")});
  TestPlan all;
  REQUIRE(find_tests({dir.path("r"), dir.path("r/a.edict")}, all, error));
  CHECK(all.rule_files.size() == 3);  // a.edict named twice is kept once
  CHECK(all.test_files.size() == 2);
  CHECK_FALSE(find_tests({dir.path("nope")}, all, error));
}

TEST_CASE("--run selects by glob, or by substring without glob characters") {
  CHECK(name_matches("", "anything"));
  CHECK(name_matches("encrypt", "an unencrypted volume fails"));
  CHECK_FALSE(name_matches("Encrypt", "an unencrypted volume fails"));
  CHECK(name_matches("*fails", "an unencrypted volume fails"));
  CHECK_FALSE(name_matches("fails*", "an unencrypted volume fails"));
  CHECK(name_matches("an [uv]n*", "an unencrypted volume fails"));
}

TEST_CASE("the listing escapes control characters in mismatch details") {
  TestFile file{"t.test.yaml", {}};
  TestCase test;
  test.name = "hostile";
  RunResult r;
  CaseResult c;
  c.file = &file;
  c.test = &test;
  Mismatch m;
  m.expected.rule = "R";
  m.expected.address = "aws_db_instance.a[\"\x1b[2J\"]";
  m.has_result = true;
  m.actual = engine::Status::Fail;
  m.message = "db\x1b[2J\n::error title=x::y";
  m.why = {"name: expected \"ok\", got \"a\nb\""};
  m.trace = {"name => \"\x1b]0;t\x07\""};
  c.mismatches.push_back(m);
  r.cases.push_back(c);
  r.failed = 1;

  std::string text = render_text(r);
  CHECK(text.find('\x1b') == std::string::npos);
  CHECK(text.find('\x07') == std::string::npos);
  CHECK(text.find("\n::error") == std::string::npos);
  CHECK(text.find("message: db\\x1b[2J\\n::error title=x::y\n") != std::string::npos);
  CHECK(text.find("why: name: expected \"ok\", got \"a\\nb\"\n") != std::string::npos);
  CHECK(text.find("  name => \"\\x1b]0;t\\x07\"\n") != std::string::npos);
  CHECK(text.find("R aws_db_instance.a[\"\\x1b[2J\"]: expected pass, got fail\n") != std::string::npos);
}
