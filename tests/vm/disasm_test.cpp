// The disassembler (vm/disasm.cpp): its listing of the whole rule library shows every instruction
// exactly once, in code order, with a source span, under a heading for each entry.
#include <catch2/catch.hpp>

#include <set>
#include <sstream>

#include "compiler/compiler.h"
#include "engine/rule_sources.h"

using namespace edict;

namespace {

std::unique_ptr<bytecode::Program> library() {
  auto sources = std::make_shared<lang::SourceManager>();
  engine::add_builtin_rules(*sources);
  lang::DiagnosticSink sink;
  return compiler::compile(sources, sink).program;
}

// The pcs of the instruction lines ("  0042  12:3-9  NAME ..."), in listing order.
std::vector<uint32_t> listed_pcs(const std::string& listing, size_t& without_span) {
  std::vector<uint32_t> pcs;
  std::istringstream in(listing);
  std::string line;
  without_span = 0;
  while (std::getline(in, line)) {
    if (line.size() < 8 || line.compare(0, 2, "  ") != 0 || !std::isdigit(static_cast<unsigned char>(line[2]))) continue;
    pcs.push_back(static_cast<uint32_t>(std::stoul(line.substr(2))));
    std::string span = line.substr(line.find_first_not_of("0123456789", 2) + 2, 14);
    if (span.find(':') == std::string::npos) ++without_span;
  }
  return pcs;
}

}  // namespace

TEST_CASE("the listing of the rule library covers every instruction once, in order") {
  auto p = library();
  REQUIRE(p);
  std::string listing = bytecode::disassemble(*p);
  size_t without_span = 0;
  std::vector<uint32_t> pcs = listed_pcs(listing, without_span);
  INFO("library, " << p->code.size() << " instructions");
  REQUIRE(pcs.size() == p->code.size());  // 100% of the instructions
  for (uint32_t i = 0; i < pcs.size(); ++i) REQUIRE(pcs[i] == i);
  CHECK(without_span == 0);
  CHECK(listing.find("\ndef ") != std::string::npos);
}

TEST_CASE("a rule's listing holds all of its entries and the functions it calls") {
  auto p = library();
  REQUIRE(p);
  size_t checked = 0;
  for (const bytecode::Rule& r : p->rules) {
    std::string listing = bytecode::disassemble_rule(*p, r);
    size_t without_span = 0;
    std::vector<uint32_t> pcs = listed_pcs(listing, without_span);
    std::set<uint32_t> listed(pcs.begin(), pcs.end());
    CHECK(listed.size() == pcs.size());  // each once
    // Every entry's code, up to its RETURN (the only one: entries are expressions), is listed.
    for (const bytecode::EntryRef& e : bytecode::entries(r)) {
      for (uint32_t pc = e.entry.pc; pc < p->code.size(); ++pc) {
        REQUIRE(listed.count(pc) == 1);
        if (p->code[pc].op == bytecode::OpCode::RETURN) break;
      }
      ++checked;
    }
    // So is every function it calls.
    for (uint32_t pc : pcs) {
      if (p->code[pc].op == bytecode::OpCode::CALL) {
        CHECK(listed.count(p->functions[p->code[pc].b].pc) == 1);
      }
    }
  }
  CHECK(checked > p->rules.size());
}
