// Evaluation traces (engine/trace.h): asking for traces changes no verdict of the one compiled
// program, and the trace maps each value back to its source text, through def calls,
// quantifiers, short circuits and run-time errors.
#include <catch2/catch.hpp>

#include "compiler/compiler.h"
#include "engine/evaluate.h"
#include "engine/rule_sources.h"
#include "loaders/loader.h"

using namespace edict;

namespace {

std::unique_ptr<bytecode::Program> build(std::shared_ptr<lang::SourceManager> sources) {
  lang::DiagnosticSink sink;
  auto program = compiler::compile(std::move(sources), sink).program;
  REQUIRE(program);
  return program;
}

std::unique_ptr<bytecode::Program> build(const std::string& text) {
  auto sources = std::make_shared<lang::SourceManager>();
  sources->add("t.edict", text);
  return build(sources);
}

// One resource `aws_db_instance.db` with the given attributes (a JSON object).
struct OneResource {
  model::ResourceSet set;
  explicit OneResource(const std::string& attrs) {
    std::string plan = R"({"format_version": "1.2", "resource_changes": [{"address": "aws_db_instance.db",
      "mode": "managed", "type": "aws_db_instance", "name": "db", "change": {"actions": ["create"],
      "before": null, "after": )" +
                       attrs + R"(, "after_unknown": {"arn": true}}}]})";
    loaders::load_text(set, plan, "plan.json");
    set.finish();
  }
};

std::vector<std::string> trace_of(const bytecode::Program& p, OneResource& r, engine::Status* status = nullptr) {
  engine::EvalOptions opts;
  opts.trace = engine::TraceMode::All;
  opts.now_unix = 1;
  engine::Result res = engine::evaluate_one(p, r.set, p.rules.at(0), r.set.resources().at(0), opts);
  if (status) *status = res.status;
  return res.trace;
}

}  // namespace

TEST_CASE("traces come from the one program and change no verdict") {
  auto sources = std::make_shared<lang::SourceManager>();
  engine::add_builtin_rules(*sources);
  auto program = build(sources);

  model::ResourceSet a, b;
  loaders::load_file(a, std::string(EDICT_SOURCE_DIR) + "/examples/plan.json");
  loaders::load_file(b, std::string(EDICT_SOURCE_DIR) + "/examples/plan.json");
  a.finish();
  b.finish();
  engine::EvalOptions opts;
  opts.now_unix = 1;
  engine::Results ra = engine::evaluate(*program, a, opts);
  opts.trace = engine::TraceMode::Failures;
  engine::Results rb = engine::evaluate(*program, b, opts);
  REQUIRE(ra.items.size() == rb.items.size());
  for (size_t i = 0; i < ra.items.size(); ++i) {
    CHECK(ra.items[i].status == rb.items[i].status);
    CHECK(ra.items[i].message == rb.items[i].message);
    CHECK(ra.items[i].why == rb.items[i].why);
    CHECK(ra.items[i].trace.empty());  // not asked for
    bool failed = rb.items[i].status == engine::Status::Fail || rb.items[i].status == engine::Status::Error;
    CHECK(rb.items[i].trace.empty() == !failed);
  }
}

TEST_CASE("a trace shows each sub-expression with its value, skipping literals") {
  auto p = build("rule R { on aws_db_instance assert allocated_storage >= 100 and engine == \"postgres\" }");
  OneResource r(R"({"allocated_storage": 20, "engine": "mysql"})");
  CHECK(trace_of(*p, r) == std::vector<std::string>{
                               "assert allocated_storage >= 100 and engine == \"postgres\" => false",
                               "  allocated_storage >= 100 => false",
                               "    allocated_storage => 20",
                           });
}

TEST_CASE("a def call shows its arguments and its body") {
  auto p = build(
      "def big(n) = n * 2 > limit()\ndef limit() = 100\n"
      "rule R { on aws_db_instance assert big(allocated_storage + 1) }");
  OneResource r(R"({"allocated_storage": 20})");
  CHECK(trace_of(*p, r) == std::vector<std::string>{
                               "assert big(allocated_storage + 1) => false",
                               "  allocated_storage + 1 => 21",
                               "    allocated_storage => 20",
                               "  def big(n) = n * 2 > limit() => false",
                               "    n * 2 => 42",  // n is a variable: its value shows at the call
                               "    limit() => 100",
                               "      def limit() = 100 => 100",
                           });
}

TEST_CASE("a decided quantifier shows the element that decided it; unknowns show as unknown") {
  auto p = build("rule R { on aws_db_instance assert all k, v in tags: v != \"\" and k != \"x\" }");
  OneResource r(R"({"tags": {"a": "1", "b": ""}})");
  CHECK(trace_of(*p, r) == std::vector<std::string>{
                               "assert all k, v in tags: v != \"\" and k != \"x\" => false",
                               "  tags => {\"a\": \"1\", \"b\": \"\"}",
                               "  k, v = [\"b\", \"\"]  (element 2 of 2, decides)",
                               "    v != \"\" and k != \"x\" => false",
                               "      v != \"\" => false",
                           });
  auto q = build("rule R { on aws_db_instance assert arn != null }");
  OneResource u(R"({})");
  engine::Status status;
  CHECK(trace_of(*q, u, &status) == std::vector<std::string>{"assert arn != null => unknown", "  arn => unknown"});
  CHECK(status == engine::Status::Unknown);
}

TEST_CASE("a run-time error ends the trace with the values computed before it") {
  auto p = build("rule R { on aws_db_instance when engine != \"aurora\" assert allocated_storage / zero > 1 }");
  OneResource r(R"({"allocated_storage": 20, "engine": "mysql", "zero": 0})");
  engine::Status status;
  CHECK(trace_of(*p, r, &status) == std::vector<std::string>{
                                        "when engine != \"aurora\" => true",
                                        "  engine => \"mysql\"",
                                        "assert allocated_storage / zero > 1 => error: division by zero",
                                        "  allocated_storage => 20",
                                        "  zero => 0",
                                    });
  CHECK(status == engine::Status::Error);
}

TEST_CASE("undecided quantifiers show their first elements, then how many more") {
  auto p = build("rule R { on aws_db_instance assert count(x in items: x > 2) > 5 }");
  OneResource r(R"({"items": [1, 2, 3, 4, 5, 6, 7]})");
  std::vector<std::string> t = trace_of(*p, r);
  REQUIRE(t.size() == 14);
  CHECK(t[1] == "  count(x in items: x > 2) => 5");
  CHECK(t[3] == "    x = 1  (element 1 of 7)");
  CHECK(t[4] == "      x > 2 => false");
  CHECK(t[11] == "    x = 5  (element 5 of 7)");
  CHECK(t[13] == "    ... 2 more elements");
}

TEST_CASE("a failure explains every false conjunct, including those a short circuit skipped") {
  auto p = build(
      "rule R { on aws_db_instance assert engine == \"postgres\" and allocated_storage >= 100 and "
      "allocated_storage / zero > 1 and (all k, v in tags: v != \"\") }");
  OneResource r(R"({"allocated_storage": 20, "engine": "mysql", "zero": 0, "tags": {"a": "1", "b": ""}})");
  engine::EvalOptions opts;
  opts.now_unix = 1;
  engine::Result res = engine::evaluate_one(*p, r.set, p->rules.at(0), r.set.resources().at(0), opts);
  CHECK(res.status == engine::Status::Fail);
  CHECK(res.why == std::vector<std::string>{
                       "engine: expected \"postgres\", got \"mysql\"",
                       "allocated_storage: expected >= 100, got 20",
                       "allocated_storage / zero > 1: could not be evaluated (division by zero)",
                       "`all k, v in tags: v != \"\"` fails for \"b\"",
                   });
  CHECK(res.trace.empty());  // not asked for
}
