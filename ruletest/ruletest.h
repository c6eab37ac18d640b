// Rule unit tests (`edict test`): YAML test files next to the rules name fixture resources and the
// status each rule must give each of them (format: docs/testing-rules.md). The stages are
// find_tests -> run_tests (load_test_file, fixtures, evaluate, compare, coverage) -> render_*.
// Made for the CLI and the unit tests; the rules come compiled from compiler/.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/evaluate.h"
#include "vm/bytecode.h"

namespace edict::ruletest {

// A place in a test file (1-based; 0 when unknown).
struct Pos {
  int line = 0;
  int col = 0;
};

// A fixture attribute value as written: YAML scalars resolved (true, 1.5, null, "text"), and the
// two tags of the format: `!unknown` (known only after apply; `!unknown set` / `!unknown unset` say
// whether the configuration sets it, for `is_set`) and `!ref ADDRESS` (unknown and set, with a
// reference edge to ADDRESS, as Terraform plans record `bucket = aws_s3_bucket.b.id`).
struct FixtureMember;
struct FixtureValue {
  enum class Kind : uint8_t { Null, Bool, Number, String, List, Object, Unknown, Ref } kind = Kind::Null;
  bool boolean = false;
  double number = 0;
  std::string text;                                           // String; Ref: the address; Unknown: set/unset/""
  std::vector<FixtureValue> items;                            // List
  // Object, in file order. A named struct, not std::pair: a pair of an incomplete type does not
  // compile with libstdc++ 12 under clang (std::vector itself may hold an incomplete type).
  std::vector<FixtureMember> members;
  Pos pos;
};

struct FixtureMember {
  std::string key;
  FixtureValue value;
};

// `ADDRESS: {attributes}` under a test's `resources`. The type, name, module and index are
// read from the address (`module.db.aws_db_instance.main[0]`, `data.aws_iam_policy_document.p`).
struct InlineResource {
  std::string address;
  FixtureValue attributes;  // an Object
  Pos pos;
};

// `RULE: {ADDRESS: STATUS}` under a test's `expect`.
struct Expectation {
  std::string rule;
  std::string address;
  engine::Status status = engine::Status::Pass;
  Pos rule_pos, address_pos;
};

struct TestCase {
  std::string name;
  Pos pos;
  std::vector<std::string> fixtures;  // plan/state JSON files, already relative to the cwd
  std::vector<Pos> fixture_pos;
  std::vector<InlineResource> resources;
  std::vector<Expectation> expect;
};

struct TestFile {
  std::string path;
  std::vector<TestCase> tests;
};

// What `edict test PATH...` runs: every *.edict rule file and *.test.yaml test file below a
// directory; a rule file brings its sibling NAME.test.yaml, a test file its sibling NAME.edict.
struct TestPlan {
  std::vector<std::string> rule_files;  // sorted, without duplicates
  std::vector<std::string> test_files;
};
// Returns false with `error` when a path does not exist.
bool find_tests(const std::vector<std::string>& paths, TestPlan& out, std::string& error);

// Parses one test file. Returns false with error = "path:line:col: what is wrong".
bool load_test_file(const std::string& path, TestFile& out, std::string& error);

// An expectation the rules did not meet, with what explains the actual result.
struct Mismatch {
  Expectation expected;
  bool has_result = false;  // false: the rule gave the resource no verdict (e.g. being destroyed)
  engine::Status actual = engine::Status::Pass;
  std::string message;
  std::vector<std::string> why, trace;
};

struct CaseResult {
  const TestFile* file = nullptr;
  const TestCase* test = nullptr;
  std::vector<std::string> errors;  // a bad test: "path:line:col: unknown rule id ..."
  std::vector<Mismatch> mismatches;
  bool passed() const { return errors.empty() && mismatches.empty(); }
};

// An assert that no selected test saw evaluate to false.
struct AssertGap {
  std::string rule;
  size_t index = 0;  // 0-based into bytecode::Rule::asserts; shown 1-based
  std::string text;
};

struct Coverage {
  size_t rules = 0;                   // rules compiled
  std::vector<std::string> untested;  // rules no selected test has an expectation for
  size_t asserts = 0;                 // asserts of the tested rules
  std::vector<AssertGap> never_false;
};

struct RunOptions {
  std::string pattern;   // --run: a glob (with * ? [) or a substring of the test name
  int64_t now_unix = 0;  // the evaluation clock (0: EDICT_NOW or the wall clock)
  vm::Budget budget;     // --max-steps, --max-memory
};

struct RunResult {
  std::vector<TestFile> files;                                 // the test files that parsed
  std::vector<std::pair<std::string, std::string>> bad_files;  // path, "path:line:col: ..."
  std::vector<CaseResult> cases;                               // selected tests, in file order
  Coverage coverage;
  size_t passed = 0, failed = 0, errored = 0;
  // 0 every test passed, 1 a test failed, 2 a test file or a test is bad.
  int exit_code() const;
};

// Loads `test_files` and runs every test whose name matches opts.pattern against `program`.
// Mismatches carry a trace when the program was compiled with CompileOptions::trace.
RunResult run_tests(const bytecode::Program& program, const std::vector<std::string>& test_files,
                    const RunOptions& opts = {});

// Whether a test name is selected by --run PATTERN (empty: every test).
bool name_matches(std::string_view pattern, std::string_view name);

// The listing for people: one line per test, mismatches with message and trace, the totals, then
// rule coverage.
std::string render_text(const RunResult& r);
// JUnit XML: one <testsuite> per test file, <failure> for mismatches, <error> for bad tests.
std::string render_junit(const RunResult& r);

}  // namespace edict::ruletest
