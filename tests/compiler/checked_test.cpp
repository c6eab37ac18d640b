// The stage boundary of compiler/checked.h: check() fills the side tables of a CheckedProgram,
// lower() makes bytecode from one (and only from one without errors), and a module built in code,
// as a second front end builds it, compiles without the DSL parser.
#include <catch2/catch.hpp>

#include "compiler/compiler.h"
#include "lang/parser.h"
#include "stdlib/builtins.h"

using namespace edict;
using compiler::CallRes;
using compiler::NameRes;

namespace {

struct Parsed {
  std::shared_ptr<lang::SourceManager> sources = std::make_shared<lang::SourceManager>();
  lang::DiagnosticSink sink;
  std::vector<lang::Module> modules;
};

Parsed parse(const std::string& text) {
  Parsed p;
  uint32_t f = p.sources->add("t.edict", text);
  p.modules.push_back(lang::parse_module(*p.sources, f, p.sink));
  REQUIRE_FALSE(p.sink.has_errors());
  return p;
}

// Every expression below e, pre-order.
void collect(const lang::Expr& e, std::vector<const lang::Expr*>& out) {
  out.push_back(&e);
  for (const auto& k : e.kids) {
    if (k) collect(*k, out);
  }
}

lang::ExprPtr node(lang::ExprKind kind, lang::Span span) {
  auto e = std::make_unique<lang::Expr>();
  e->kind = kind;
  e->id = lang::next_expr_id();
  e->span = span;
  return e;
}

}  // namespace

TEST_CASE("check: names, calls, bindings, constants and costs by node id") {
  Parsed p = parse(R"(def big(n) = n > 10
rule R {
  on aws_ebs_volume
  assert not big(size) and lower("A") == "a"
  assert some b in resources(aws_s3_bucket): b.bucket == bucket
}
)");
  compiler::CheckedProgram cp = compiler::check(p.sources, std::move(p.modules), p.sink);
  REQUIRE(cp.ok());
  CHECK(cp.errors == 0);
  REQUIRE(cp.modules.size() == 1);
  REQUIRE(cp.defs.size() == 1);
  CHECK(cp.defs[0].qualified == "big");
  CHECK(cp.defs[0].locals == 1);
  REQUIRE(cp.rules.size() == 1);
  CHECK(cp.rules[0].decl == &cp.modules[0]->rules[0]);  // infos point into the modules it holds

  int locals = 0, attrs = 0, defs = 0, builtins = 0, domains = 0;
  auto visit = [&](const lang::Expr& root) {
    std::vector<const lang::Expr*> all;
    collect(root, all);
    for (const lang::Expr* e : all) {
      if (e->kind == lang::ExprKind::Name && e->text != "aws_s3_bucket") {
        REQUIRE(cp.names.count(e->id) == 1);
        const NameRes& n = cp.names.at(e->id);
        if (n.kind == NameRes::Kind::Local) {
          ++locals;
          CHECK(n.slot == 0);  // `n` in big, `b` in the quantifier: each the first name bound
        } else {
          ++attrs;
        }
      }
      if (e->kind == lang::ExprKind::Call) {
        REQUIRE(cp.calls.count(e->id) == 1);
        const CallRes& c = cp.calls.at(e->id);
        if (c.kind == CallRes::Kind::Def) ++defs;
        if (c.kind == CallRes::Kind::Builtin) {
          ++builtins;
          CHECK(stdlib::builtins()[c.index].name == "lower");
        }
        if (c.kind == CallRes::Kind::Resources) {
          ++domains;
          CHECK(c.type == "aws_s3_bucket");
          CHECK(stdlib::builtins()[c.index].domain == stdlib::Domain::Resources);
        }
      }
      if (e->kind == lang::ExprKind::Quantifier) CHECK(cp.binding_slots.at(e->id) == 0);
      if (e->kind == lang::ExprKind::Binary && e->op == lang::Op::Eq && e->kids[0]->kind == lang::ExprKind::Call) {
        REQUIRE(cp.folded.count(e->id) == 1);  // lower("A") == "a" is a constant
        CHECK(cp.folded.at(e->id).is_true());
      }
    }
  };
  visit(*cp.defs[0].decl->body);
  for (const lang::Assert& a : cp.rules[0].decl->asserts) visit(*a.expr);
  CHECK(locals == 2);   // n, b
  CHECK(attrs == 2);    // size, bucket
  CHECK(defs == 1);
  CHECK(builtins == 1);
  CHECK(domains == 1);
  REQUIRE(cp.costs.size() == 1);
  CHECK(cp.costs[0].rule == "R");
  CHECK(cp.costs[0].steps > 100);  // the quantifier over resources multiplies its body
}

TEST_CASE("lower: bytecode from a checked program, which may go first") {
  Parsed p = parse("rule R {\n  on aws_s3_bucket\n  assert tags.Env == \"production\"\n}\n");
  std::unique_ptr<bytecode::Program> program;
  {
    compiler::CheckedProgram cp = compiler::check(p.sources, std::move(p.modules), p.sink);
    REQUIRE(cp.ok());
    program = compiler::lower(cp);
    REQUIRE(program);
    CHECK(compiler::lower(cp));  // lowering reads the checked program only: again is fine
  }
  REQUIRE(program->rules.size() == 1);
  CHECK(program->rules[0].id == "R");
  CHECK(program->rules[0].file == "t.edict");
  bool found = false;  // the folded string lives in the program's own arena
  for (const Value& v : program->constants) found = found || (v.is_string() && v.as_string() == "production");
  CHECK(found);
}

TEST_CASE("check reports every error; lower refuses a program with errors") {
  Parsed p = parse("rule R {\n  on aws_s3_bucket\n  assert nosuch(x) and lower(1) == \"a\"\n}\n");
  compiler::CheckedProgram cp = compiler::check(p.sources, std::move(p.modules), p.sink);
  CHECK_FALSE(cp.ok());
  CHECK(cp.errors == p.sink.error_count());
  CHECK(cp.errors >= 2);  // unknown function (resolve) and a literal of the wrong type (check)
  CHECK(cp.costs.size() == 1);  // the later passes ran all the same
  CHECK_FALSE(compiler::lower(cp));
}

TEST_CASE("a module built in code, as another front end builds it, compiles") {
  // The "front end" here owns a YAML-ish text; spans point into it.
  const std::string text = "id: R\nresource: aws_s3_bucket\nfilter: encrypted == true\n";
  auto sources = std::make_shared<lang::SourceManager>();
  uint32_t file = sources->add("policy.yml", text);
  auto at = [&](const std::string& s) {
    auto begin = static_cast<uint32_t>(text.find(s));
    return lang::Span{file, begin, begin + static_cast<uint32_t>(s.size())};
  };

  auto build = [&] {
    lang::Module m;
    m.file = file;
    lang::RuleDecl r;
    r.id = "R";
    r.id_span = at("R");
    r.span = at(text);
    r.types.push_back({"aws_s3_bucket", at("aws_s3_bucket")});
    auto eq = node(lang::ExprKind::Binary, at("encrypted == true"));
    eq->op = lang::Op::Eq;
    auto name = node(lang::ExprKind::Name, at("encrypted"));
    name->text = "encrypted";
    auto yes = node(lang::ExprKind::Bool, at("true"));
    yes->boolean = true;
    eq->kids.push_back(std::move(name));
    eq->kids.push_back(std::move(yes));
    lang::Assert a;
    a.span = at("filter: encrypted == true");
    a.expr = std::move(eq);
    r.asserts.push_back(std::move(a));
    m.rules.push_back(std::move(r));
    std::vector<lang::Module> out;
    out.push_back(std::move(m));
    return out;
  };

  SECTION("through check and lower") {
    lang::DiagnosticSink sink;
    compiler::CheckedProgram cp = compiler::check(sources, build(), sink);
    REQUIRE(cp.ok());
    auto program = compiler::lower(cp);
    REQUIRE(program);
    REQUIRE(program->rules.size() == 1);
    CHECK(program->rules[0].types == std::vector<std::string>{"aws_s3_bucket"});
    CHECK(program->rules[0].file == "policy.yml");
    REQUIRE(program->rules[0].asserts.size() == 1);
    CHECK(program->rules[0].asserts[0].text == "encrypted == true");
  }
  SECTION("through compile, which parses no file that has a module") {
    lang::DiagnosticSink sink;
    compiler::CompileResult r = compiler::compile(sources, build(), sink);
    REQUIRE(r.program);
    CHECK(r.program->rules.size() == 1);
  }
  SECTION("its errors point into its own text") {
    std::vector<lang::Module> modules = build();
    modules[0].rules[0].asserts[0].expr->kids[0]->kind = lang::ExprKind::Call;  // encrypted() is no function
    lang::DiagnosticSink sink;
    compiler::CheckedProgram cp = compiler::check(sources, std::move(modules), sink);
    REQUIRE_FALSE(cp.ok());
    std::string rendered = lang::render_all(sink, *sources);
    CHECK(rendered.find("policy.yml:3:9: error[E0201]") != std::string::npos);
  }
}
