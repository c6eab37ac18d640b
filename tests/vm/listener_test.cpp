// The evaluation listener (vm/listener.h) on compiled rules: values arrive per AST node id in
// post-order, quantifiers report their bindings, short circuits report the value they decided
// and nothing they skipped, and a program holds no instructions for any of it.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>

#include "compiler/compiler.h"
#include "engine/rule_sources.h"
#include "loaders/loader.h"
#include "vm/interpreter.h"

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

struct OneResource {
  model::ResourceSet set;
  explicit OneResource(const std::string& attrs) {
    std::string plan = R"({"format_version": "1.2", "resource_changes": [{"address": "aws_db_instance.db",
      "mode": "managed", "type": "aws_db_instance", "name": "db", "change": {"actions": ["create"],
      "before": null, "after": )" +
                       attrs + R"(, "after_unknown": {}}}]})";
    loaders::load_text(set, plan, "plan.json");
    set.finish();
  }
  const model::Resource& res() const { return set.resources().at(0); }
};

// What a listener heard, as "source text => value" and "vars = value" lines.
struct Log : vm::EvalListener {
  const bytecode::Program& p;
  std::vector<std::string> lines;
  std::vector<uint32_t> nodes;
  explicit Log(const bytecode::Program& program) : p(program) {}
  std::string text(uint32_t id) const { return std::string(p.sources->text(p.node(id)->span)); }
  void value(uint32_t node, const Value& v) override {
    REQUIRE(p.node(node) != nullptr);
    nodes.push_back(node);
    lines.push_back(text(node) + " => " + to_display(v, 80));
  }
  void bound(uint32_t node, std::span<const Value> vars) override {
    REQUIRE(p.node(node) != nullptr);
    std::string s = p.node(node)->vars + " =";
    for (const Value& v : vars) s += " " + to_display(v, 80);
    lines.push_back(s);
  }
};

// Runs the first assert of the first rule with a listener.
std::vector<std::string> heard(const bytecode::Program& p, const std::string& attrs, Value* result = nullptr) {
  OneResource r(attrs);
  vm::Interpreter vm(p, r.set, 1);
  Log log(p);
  vm.set_listener(&log);
  Value v;
  REQUIRE(vm.run(p.rules.at(0).asserts.at(0).entry, &r.res(), v));
  if (result) *result = v;
  return log.lines;
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("a listener hears each expression's value, keyed by its node, operands first") {
  auto p = build("rule R { on aws_db_instance assert allocated_storage + 1 >= 100 }");
  OneResource r(R"({"allocated_storage": 20})");
  vm::Interpreter vm(*p, r.set, 1);
  Log log(*p);
  vm.set_listener(&log);
  Value v;
  const bytecode::Entry& e = p->rules[0].asserts[0].entry;
  REQUIRE(vm.run(e, &r.res(), v));
  CHECK(log.lines == Lines{"allocated_storage => 20", "1 => 1", "allocated_storage + 1 => 21", "100 => 100",
                           "allocated_storage + 1 >= 100 => false"});
  // The root is the entry's node; each operand's parent is the expression it is in.
  CHECK(log.nodes.back() == e.node);
  const bytecode::ExprNode& root = *p->node(e.node);
  CHECK(root.kind == bytecode::ExprNode::Kind::Compare);
  CHECK(root.op == ">=");
  REQUIRE(root.kids.size() == 2);
  CHECK(p->node(root.kids[0])->parent == e.node);
  CHECK(log.nodes[2] == root.kids[0]);
}

TEST_CASE("quantifiers report every binding before the body it starts") {
  auto p = build("rule R { on aws_db_instance assert all k, v in tags: v != \"\" }");
  CHECK(heard(*p, R"({"tags": {"a": "1", "b": "", "c": "3"}})") ==
        Lines{"tags => {\"a\": \"1\", \"b\": \"\", \"c\": \"3\"}", "k, v = \"a\" \"1\"", "v => \"1\"", "\"\" => \"\"",
              "v != \"\" => true", "k, v = \"b\" \"\"", "v => \"\"", "\"\" => \"\"", "v != \"\" => false",
              "all k, v in tags: v != \"\" => false"});
  // One name over a list binds the element; a comprehension's filter and element follow it.
  auto q = build("rule R { on aws_db_instance assert len([x * 2 for x in items if x > 1]) == 1 }");
  Lines lines = heard(*q, R"({"items": [1, 5]})");
  CHECK(std::count(lines.begin(), lines.end(), "x = 1") == 1);
  CHECK(std::count(lines.begin(), lines.end(), "x = 5") == 1);
  CHECK(std::find(lines.begin(), lines.end(), "x * 2 => 10") != lines.end());
  CHECK(std::find(lines.begin(), lines.end(), "x * 2 => 2") == lines.end());  // filtered out
}

TEST_CASE("a short circuit reports the value it decided, and nothing it skipped") {
  auto p = build("rule R { on aws_db_instance assert engine == \"x\" and allocated_storage > 1 }");
  Value v;
  CHECK(heard(*p, R"({"engine": "mysql", "allocated_storage": 5})", &v) ==
        Lines{"engine => \"mysql\"", "\"x\" => \"x\"", "engine == \"x\" => false",
              "engine == \"x\" and allocated_storage > 1 => false"});
  CHECK(v.is_false());
  auto o = build("rule R { on aws_db_instance assert multi_az or allocated_storage > 1 }");
  CHECK(heard(*o, R"({"multi_az": true, "allocated_storage": 5})") ==
        Lines{"multi_az => true", "multi_az or allocated_storage > 1 => true"});
  // `??` and `if` end where their jumps land; the enclosing comparison follows either way.
  auto c = build("rule R { on aws_db_instance assert (size ?? 7) > 1 }");
  CHECK(heard(*c, R"({"size": 3})") == Lines{"size => 3", "size ?? 7 => 3", "1 => 1", "(size ?? 7) > 1 => true"});
  CHECK(heard(*c, R"({})") == Lines{"size => null", "7 => 7", "size ?? 7 => 7", "1 => 1", "(size ?? 7) > 1 => true"});
  auto i = build("rule R { on aws_db_instance assert (if multi_az then 1 else size ?? 2) == 1 }");
  CHECK(heard(*i, R"({"multi_az": true})") ==
        Lines{"multi_az => true", "1 => 1", "if multi_az then 1 else size ?? 2 => 1", "1 => 1",
              "(if multi_az then 1 else size ?? 2) == 1 => true"});
  CHECK(heard(*i, R"({"multi_az": false, "size": 4})") ==
        Lines{"multi_az => false", "size => 4", "size ?? 2 => 4", "if multi_az then 1 else size ?? 2 => 4", "1 => 1",
              "(if multi_az then 1 else size ?? 2) == 1 => false"});
}

TEST_CASE("a def call is heard after the body it ran") {
  auto p = build("def big(n) = n > 10\nrule R { on aws_db_instance assert big(allocated_storage) }");
  CHECK(heard(*p, R"({"allocated_storage": 20})") ==
        Lines{"allocated_storage => 20", "n => 20", "10 => 10", "n > 10 => true", "big(allocated_storage) => true"});
}

TEST_CASE("run_node evaluates one operand a short circuit skipped") {
  auto p = build("rule R { on aws_db_instance assert engine == \"x\" and allocated_storage > 1 }");
  OneResource r(R"({"engine": "mysql", "allocated_storage": 5})");
  vm::Interpreter vm(*p, r.set, 1);
  const bytecode::Entry& e = p->rules[0].asserts[0].entry;
  uint32_t rhs = p->node(e.node)->kids[1];
  Log log(*p);
  vm.set_listener(&log);
  Value v;
  REQUIRE(vm.run_node(e, rhs, &r.res(), v));
  CHECK(v.is_true());
  CHECK(log.lines == Lines{"allocated_storage => 5", "1 => 1", "allocated_storage > 1 => true"});
  CHECK_FALSE(vm.run_node(e, 0, &r.res(), v));  // not a node
}

TEST_CASE("a program holds no instructions for listeners, and a listener runs no extra ones") {
  auto sources = std::make_shared<lang::SourceManager>();
  engine::add_builtin_rules(*sources);
  auto p = build(sources);
  // Every instruction belongs to exactly one def body or rule entry (guard, assert, message):
  // the code of a function or an entry runs from its start to the first RETURN after it.
  std::vector<uint32_t> starts;
  for (const bytecode::Function& f : p->functions) starts.push_back(f.pc);
  for (const bytecode::Rule& r : p->rules) {
    if (r.has_guard) starts.push_back(r.guard.pc);
    for (const bytecode::Assert& a : r.asserts) {
      starts.push_back(a.entry.pc);
      if (a.has_message) starts.push_back(a.message.pc);
    }
    if (r.has_message) starts.push_back(r.message.pc);
  }
  std::sort(starts.begin(), starts.end());
  size_t counted = 0;
  for (size_t i = 0; i < starts.size(); ++i) {
    uint32_t end = i + 1 < starts.size() ? starts[i + 1] : static_cast<uint32_t>(p->code.size());
    CHECK(p->code.at(end - 1).op == bytecode::OpCode::RETURN);
    size_t returns = 0;
    for (uint32_t pc = starts[i]; pc < end; ++pc) returns += p->code[pc].op == bytecode::OpCode::RETURN;
    CHECK(returns == 1);
    counted += end - starts[i];
  }
  CHECK(counted == p->code.size());
  CHECK(p->site_begin.size() == p->code.size() + 1);
  CHECK_FALSE(p->nodes.empty());

  // The same rules on the example plan, with and without a listener: the same results after the
  // same number of executed instructions.
  model::ResourceSet set;
  loaders::load_file(set, std::string(EDICT_SOURCE_DIR) + "/examples/plan.json");
  set.finish();
  vm::Interpreter plain(*p, set, 1), heard_vm(*p, set, 1);
  Log log(*p);
  heard_vm.set_listener(&log);
  size_t runs = 0;
  for (const bytecode::Rule& rule : p->rules) {
    for (const model::Resource& res : set.resources()) {
      if (std::find(rule.types.begin(), rule.types.end(), res.type) == rule.types.end()) continue;
      for (const bytecode::Assert& a : rule.asserts) {
        plain.reset();
        heard_vm.reset();
        Value x, y;
        bool ok1 = plain.run(a.entry, &res, x), ok2 = heard_vm.run(a.entry, &res, y);
        CHECK(ok1 == ok2);
        CHECK(plain.steps_used() == heard_vm.steps_used());
        if (ok1 && ok2) CHECK(to_display(x, 200) == to_display(y, 200));
        ++runs;
      }
    }
  }
  CHECK(runs > 20);
  CHECK(log.lines.size() > runs);
}
