// The compiler: pass table, diagnostics from resolve/check/fold, and the shape of the bytecode
// (folding, short-circuit jumps, hash-index joins).
#include <catch2/catch.hpp>

#include "compiler/compiler.h"

using namespace edict;

namespace {

struct Compiled {
  std::shared_ptr<lang::SourceManager> sources = std::make_shared<lang::SourceManager>();
  lang::DiagnosticSink sink;
  std::unique_ptr<bytecode::Program> program;
};

Compiled compile(const std::string& text) {
  Compiled c;
  c.sources->add("t.edict", text);
  c.program = compiler::compile(c.sources, c.sink).program;
  return c;
}

std::vector<std::string> codes(const Compiled& c) {
  std::vector<std::string> out;
  for (const lang::Diagnostic& d : c.sink.sorted()) out.emplace_back(lang::code_id(d.code));
  return out;
}

// The opcode names of one entry, up to its RETURN.
std::vector<std::string> ops(const bytecode::Program& p, bytecode::Entry e) {
  std::vector<std::string> out;
  for (uint32_t pc = e.pc; pc < p.code.size(); ++pc) {
    out.emplace_back(bytecode::op_info(p.code[pc].op).name);
    if (p.code[pc].op == bytecode::OpCode::RETURN) break;
  }
  return out;
}

bool contains_op(const bytecode::Program& p, const char* name) {
  for (const bytecode::Instr& in : p.code) {
    if (std::string(bytecode::op_info(in.op).name) == name) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("the pass table is parse, resolve, check, cost, fold, lower") {
  CHECK(compiler::pass_names() == std::vector<std::string>{"parse", "resolve", "check", "cost", "fold", "lower"});
}

TEST_CASE("constant sub-expressions are folded with run-time semantics") {
  Compiled c = compile("rule R { on aws_s3_bucket assert x == 2 * 3 + 1 }");
  REQUIRE(c.program);
  CHECK(ops(*c.program, c.program->rules[0].asserts[0].entry) ==
        std::vector<std::string>{"SELF", "ATTR", "CONST", "EQ", "RETURN"});
  CHECK(to_display(c.program->constants.at(c.program->code[c.program->rules[0].asserts[0].entry.pc + 2].b)) == "7");
}

TEST_CASE("and/or compile to short-circuit jumps") {
  Compiled c = compile("rule R { on t_x assert a and b }");
  REQUIRE(c.program);
  CHECK(ops(*c.program, c.program->rules[0].asserts[0].entry) ==
        std::vector<std::string>{"SELF", "ATTR", "JUMP_IF_FALSE_KEEP", "SELF", "ATTR", "AND", "RETURN"});
}

TEST_CASE("a join over resources(T) filtered by refers uses the hash index") {
  Compiled c = compile(R"(
    rule R {
      on aws_s3_bucket
      assert some p in resources(aws_s3_bucket_public_access_block): p.bucket refers self
    })");
  REQUIRE(c.program);
  CHECK(contains_op(*c.program, "REFERRERS"));
  CHECK_FALSE(contains_op(*c.program, "RESOURCES"));
}

TEST_CASE("the reverse join direction follows the resource's own edges") {
  Compiled c = compile(R"(
    rule R {
      on aws_security_group_rule
      assert some sg in resources(aws_security_group): security_group_id refers sg
    })");
  REQUIRE(c.program);
  CHECK(contains_op(*c.program, "REFERENCED"));
}

TEST_CASE("`all` over resources(T) keeps the full scan") {
  Compiled c = compile(R"(
    rule R {
      on aws_s3_bucket
      assert all p in resources(aws_s3_bucket_public_access_block): p.bucket refers self
    })");
  REQUIRE(c.program);
  CHECK(contains_op(*c.program, "RESOURCES"));
}

TEST_CASE("name errors are reported together, sorted, with suggestions") {
  Compiled c = compile(R"(
    def f(x) = lowr(x)
    rule A { on aws_s3_bucket severity hgh assert f(1, 2) }
    rule A { on aws_s3_bucket assert y }
  )");
  CHECK_FALSE(c.program);
  CHECK(codes(c) == std::vector<std::string>{"E0201", "E0304", "E0301", "E0202"});
  bool suggested = false;
  for (const lang::Diagnostic& d : c.sink.all()) {
    for (const lang::Note& n : d.notes) suggested = suggested || n.text == "did you mean 'lower'?";
  }
  CHECK(suggested);
}

TEST_CASE("recursive functions are rejected") {
  Compiled c = compile(R"(
    def a(x) = b(x)
    def b(x) = a(x)
    rule R { on t_x assert a(1) }
  )");
  CHECK_FALSE(c.program);
  CHECK(codes(c) == std::vector<std::string>{"E0205"});
}

TEST_CASE("constant asserts and guards are warnings, not errors") {
  Compiled c = compile("rule R { on t_x when 1 > 2 assert true }");
  CHECK(c.program);
  CHECK(codes(c) == std::vector<std::string>{"E0306", "E0305"});
}

TEST_CASE("literal arguments are checked at compile time") {
  Compiled c = compile(R"(rule R { on t_x assert matches(name, "(") and lower(5) == "5" })");
  CHECK_FALSE(c.program);
  CHECK(codes(c) == std::vector<std::string>{"E0303", "E0302"});
}

TEST_CASE("a misspelt resource type is a warning with a suggestion") {
  Compiled c = compile("rule R { on aws_s3_buckt assert true == x }");
  CHECK(c.program);
  CHECK(codes(c) == std::vector<std::string>{"E0208"});
}

TEST_CASE("the disassembler lists every rule entry") {
  Compiled c = compile("rule R { on t_x when a != null assert a > 1 message \"{@address}\" }");
  REQUIRE(c.program);
  std::string text = bytecode::disassemble(*c.program);
  CHECK(text.find("rule R  on t_x") != std::string::npos);
  CHECK(text.find("when (locals 0):") != std::string::npos);
  CHECK(text.find("assert #1 a > 1") != std::string::npos);
  CHECK(text.find("META") != std::string::npos);
  CHECK(text.find("TEMPLATE") != std::string::npos);
}
