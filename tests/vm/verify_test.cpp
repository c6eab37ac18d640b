// The bytecode verifier (vm/verify.h): every program the compiler makes from the rule library and
// the spec tests' rule files passes it; hand-broken programs are rejected, each
// for the reason it was broken.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "compiler/compiler.h"
#include "engine/rule_sources.h"
#include "vm/verify.h"

using namespace edict;
using bytecode::Instr;
using bytecode::OpCode;

namespace {

std::string read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Compiles the sources; returns 1 when they compiled (and then must verify), else 0.
int compile_and_verify(const std::shared_ptr<lang::SourceManager>& sources, const std::string& what) {
  lang::DiagnosticSink sink;
  auto program = compiler::compile(sources, sink).program;
  if (!program) return 0;
  bytecode::VerifyResult r = bytecode::verify(*program);
  INFO(what << ": " << (r.ok() ? "" : r.problems[0].message));
  CHECK(r.ok());
  CHECK(r.checked == program->code.size());  // every instruction belongs to an entry
  CHECK(r.max_stack == program->max_stack);  // the compiler stored what the verifier computes
  CHECK(r.max_stack >= 1);
  return 1;
}

// A hand-assembled program: each entry its own run of code.
struct Asm {
  bytecode::Program p;
  std::vector<bytecode::Entry> entries;
  Asm() {
    p.constants.push_back(Value::number(1));
    p.constants.push_back(Value::number(2));
  }
  void entry(std::vector<Instr> code, uint16_t locals = 0) {
    entries.push_back({static_cast<uint32_t>(p.code.size()), locals});
    for (const Instr& in : code) {
      p.code.push_back(in);
      p.spans.push_back({});
    }
  }
  std::string problems() {
    bytecode::VerifyResult r = bytecode::verify(p, entries);
    std::string out;
    for (const auto& x : r.problems) out += std::to_string(x.pc) + " " + x.message + "\n";
    return out;
  }
};

}  // namespace

TEST_CASE("the embedded rule library verifies") {
  auto sources = std::make_shared<lang::SourceManager>();
  engine::add_builtin_rules(*sources);
  REQUIRE(sources->size() > 10);
  CHECK(compile_and_verify(sources, "--builtin-rules") == 1);
}

TEST_CASE("every spec-test rule file verifies, alone and with its directory") {
  namespace fs = std::filesystem;
  fs::path root = fs::path(EDICT_SOURCE_DIR) / "tests" / "spec";
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (e.is_regular_file() && e.path().extension() == ".edict") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() > 50);
  int compiled = 0;
  std::vector<fs::path> dirs;
  for (const fs::path& f : files) {
    auto sources = std::make_shared<lang::SourceManager>();
    sources->add(f.string(), read(f));
    compiled += compile_and_verify(sources, f.string());
    if (std::find(dirs.begin(), dirs.end(), f.parent_path()) == dirs.end()) dirs.push_back(f.parent_path());
  }
  // Many files are meant not to compile (tests/spec/diagnostics); most of the others do.
  CHECK(compiled >= 40);
  for (const fs::path& d : dirs) {
    auto sources = std::make_shared<lang::SourceManager>();
    for (const fs::path& f : files) {
      if (f.parent_path() == d) sources->add(f.string(), read(f));
    }
    compile_and_verify(sources, d.string());
  }
}

TEST_CASE("a well-formed hand-assembled program verifies and has the right max stack") {
  Asm a;
  a.entry({{OpCode::CONST, 0, 0}, {OpCode::CONST, 0, 1}, {OpCode::CONST, 0, 0}, {OpCode::MAKE_LIST, 0, 3},
           {OpCode::RETURN}});
  CHECK(a.problems().empty());
  CHECK(bytecode::verify(a.p, a.entries).max_stack == 3);
}

TEST_CASE("the verifier rejects broken bytecode, saying why") {
  SECTION("stack underflow") {
    Asm a;
    a.entry({{OpCode::CONST, 0, 0}, {OpCode::ADD}, {OpCode::RETURN}});
    CHECK(a.problems() == "1 ADD: needs 2 values, the stack holds 1\n");
  }
  SECTION("returning with more than one value") {
    Asm a;
    a.entry({{OpCode::CONST, 0, 0}, {OpCode::CONST, 0, 0}, {OpCode::RETURN}});
    CHECK(a.problems() == "2 RETURN: returns with 2 values on the stack, not 1\n");
  }
  SECTION("a jump past the end") {
    Asm a;
    a.entry({{OpCode::CONST, 0, 0}, {OpCode::JUMP, 0, 9}});
    CHECK(a.problems() == "1 JUMP: jumps to 9, past the end of the code\n");
  }
  SECTION("code that runs off the end") {
    Asm a;
    a.entry({{OpCode::CONST, 0, 0}});
    CHECK(a.problems() == "0 CONST: runs past the end of the code\n");
  }
  SECTION("two paths that disagree on the stack depth") {
    Asm a;
    // if c then (1) else (1 2): the join sees depth 1 and 2.
    a.entry({{OpCode::CONST, 0, 0},
             {OpCode::JUMP_IF_NOT_TRUE, 0, 4},
             {OpCode::CONST, 0, 0},
             {OpCode::JUMP, 0, 6},
             {OpCode::CONST, 0, 0},
             {OpCode::CONST, 0, 1},
             {OpCode::RETURN}});
    std::string p = a.problems();
    CHECK(p.find("reaches 6 with stack depth") != std::string::npos);
  }
  SECTION("a jump into another entry's code") {
    Asm a;
    a.entry({{OpCode::CONST, 0, 0}, {OpCode::RETURN}});
    a.entry({{OpCode::CONST, 0, 0}, {OpCode::JUMP, 0, 1}});
    CHECK(a.problems() == "3 JUMP: jumps to 1, code of another entry\n");
  }
  SECTION("operands out of range") {
    Asm a;
    a.entry({{OpCode::CONST, 0, 7}, {OpCode::RETURN}});
    a.entry({{OpCode::LOAD, 2}, {OpCode::RETURN}}, 2);
    a.entry({{OpCode::SELF}, {OpCode::META, 40}, {OpCode::RETURN}});
    a.entry({{OpCode::CONST, 0, 0}, {OpCode::CALL, 1, 0}, {OpCode::RETURN}});
    CHECK(a.problems() ==
          "0 CONST: constant 7 out of range (2)\n"
          "2 LOAD: local 2 out of range (2 locals)\n"
          "5 META: metadata field 40 out of range (9)\n"
          "8 CALL: function 0 out of range (0)\n");
  }
  SECTION("quantifier kinds, iterators and pairs") {
    Asm a;
    a.entry({{OpCode::CONST, 0, 0}, {OpCode::QUANT_END, 9}, {OpCode::RETURN}});
    CHECK(a.problems() == "1 QUANT_END: quantifier 9 out of range (4)\n1 QUANT_END: no iterator is open\n");
    Asm b;
    // A pairs iterator binds two locals; one is reserved.
    b.entry({{OpCode::CONST, 0, 0},
             {OpCode::ITER_START, bytecode::operand(bytecode::IterShape::Pairs)},
             {OpCode::ITER_NEXT, 0, 5},
             {OpCode::COMPR_PUSH},
             {OpCode::JUMP, 0, 2},
             {OpCode::COMPR_END},
             {OpCode::RETURN}},
            1);
    CHECK(b.problems() == "2 ITER_NEXT: local 0 (and the next) out of range (1 locals)\n"
                          "3 COMPR_PUSH: needs 1 values, the stack holds 0\n");
  }
  SECTION("calls with the wrong arity, and recursion") {
    Asm a;
    a.p.functions.push_back({"f", 0, 1, 1, {}});
    a.p.code = {{OpCode::LOAD, 0}, {OpCode::CALL, 1, 0}, {OpCode::RETURN}};
    a.p.spans.resize(3);
    a.entry({{OpCode::CALL, 0, 0}, {OpCode::RETURN}});
    std::string p = a.problems();
    CHECK(p.find("recursive call to f") != std::string::npos);
    CHECK(p.find("3 CALL: f takes 1 arguments, given 0") != std::string::npos);
  }
}

// ctest runs every test with EDICT_VERIFY=1 (tests/CMakeLists.txt), so there a broken program
// makes the compiler's check throw; run by hand without it (in a release build) it is ignored.
TEST_CASE("verify_or_throw fails loudly when verification is on") {
  if (std::getenv("EDICT_VERIFY") != nullptr) CHECK(bytecode::verify_enabled());
  Asm a;
  a.entry({{OpCode::ADD}, {OpCode::RETURN}});
  a.p.functions.push_back({"f", 0, 0, 0, {}});  // verify_or_throw walks functions and rules
  if (bytecode::verify_enabled()) {
    CHECK_THROWS_AS(bytecode::verify_or_throw(a.p), bytecode::VerifyError);
  } else {
    CHECK_NOTHROW(bytecode::verify_or_throw(a.p));
  }
  Asm ok;
  ok.entry({{OpCode::CONST, 0, 0}, {OpCode::CONST, 0, 1}, {OpCode::ADD}, {OpCode::RETURN}});
  ok.p.functions.push_back({"g", 0, 0, 0, {}});
  CHECK_NOTHROW(bytecode::verify_or_throw(ok.p));
  CHECK(ok.p.max_stack == 2);
}
