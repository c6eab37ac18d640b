// The disassembler: one line per instruction with decoded operands and the source line.
#include <cstdio>
#include <set>

#include "stdlib/builtins.h"
#include "common/text.h"
#include "vm/bytecode.h"

namespace edict::bytecode {

namespace {
std::string operand_text(const Program& p, const Instr& in) {
  char buf[64];
  switch (in.op) {
    case OpCode::CONST: return "K" + std::to_string(in.b) + " " + to_display(p.constants.at(in.b), 60);
    case OpCode::LOAD:
    case OpCode::STORE: return "L" + std::to_string(in.a);
    case OpCode::ATTR: return std::string(symbol_name(in.b)) + "  ; " + p.strings.at(in.a);
    case OpCode::META: return std::string("@") + meta_field_name(static_cast<MetaField>(in.a));
    case OpCode::JUMP:
    case OpCode::JUMP_IF_FALSE_KEEP:
    case OpCode::JUMP_IF_TRUE_KEEP:
    case OpCode::JUMP_IF_NONNULL_KEEP:
    case OpCode::JUMP_IF_UNKNOWN_KEEP:
    case OpCode::JUMP_IF_NOT_TRUE:
    case OpCode::COMPR_TEST: std::snprintf(buf, sizeof buf, "-> %04u", in.b); return buf;
    case OpCode::CALL: return p.functions.at(in.b).name + " argc=" + std::to_string(in.a);
    case OpCode::BUILTIN: return std::string(stdlib::builtins().at(in.b).name) + " argc=" + std::to_string(in.a);
    case OpCode::RESOURCES: return (in.a ? "data " : "") + p.strings.at(in.b);
    case OpCode::REFERENCED:
    case OpCode::REFERRERS: return p.strings.at(in.a) + " ." + std::string(symbol_name(in.b));
    case OpCode::REFERS: return std::string(symbol_name(in.b));
    case OpCode::ITER_START: return in.a ? "pairs" : "";
    case OpCode::ITER_NEXT: std::snprintf(buf, sizeof buf, "L%u -> %04u", in.a, in.b); return buf;
    case OpCode::QUANT_STEP: {
      static const char* q[] = {"all", "some", "none", "count"};
      std::snprintf(buf, sizeof buf, "%s -> %04u", q[in.a & 3], in.b);
      return buf;
    }
    case OpCode::QUANT_END: {
      static const char* q[] = {"all", "some", "none", "count"};
      return q[in.a & 3];
    }
    case OpCode::MAKE_LIST:
    case OpCode::MAKE_OBJECT:
    case OpCode::TEMPLATE: return "n=" + std::to_string(in.b);
    case OpCode::TRACE: return "T" + std::to_string(in.b);
    default: return "";
  }
}

void listing(std::string& out, const Program& p, uint32_t from, std::set<uint32_t>* seen_fns) {
  uint32_t last_line = 0;
  for (uint32_t pc = from; pc < p.code.size(); ++pc) {
    const Instr& in = p.code[pc];
    char head[32];
    std::snprintf(head, sizeof head, "  %04u  ", pc);
    std::string line = head;
    uint32_t src_line = 0;
    if (p.sources && pc < p.spans.size() && p.spans[pc].file < p.sources->size()) {
      src_line = p.sources->file(p.spans[pc].file).line_col(p.spans[pc].begin).line;
    }
    char ln[16];
    if (src_line != 0 && src_line != last_line) {
      std::snprintf(ln, sizeof ln, "%4u ", src_line);
    } else {
      std::snprintf(ln, sizeof ln, "   | ");
    }
    last_line = src_line;
    line += ln;
    std::string name = op_info(in.op).name;
    name.resize(std::max<size_t>(name.size() + 1, 20), ' ');  // at least one space before operands
    line += name + operand_text(p, in);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
    if (in.op == OpCode::CALL && seen_fns) seen_fns->insert(in.b);
    if (in.op == OpCode::RETURN) {
      // An entry ends at its last RETURN; entries never jump past another entry's start, so stop
      // when the next instruction is not a jump target of this sequence.
      bool target_ahead = false;
      for (uint32_t q = from; q <= pc; ++q) {
        const Instr& j = p.code[q];
        bool is_jump = j.op == OpCode::JUMP || j.op == OpCode::JUMP_IF_FALSE_KEEP || j.op == OpCode::JUMP_IF_TRUE_KEEP ||
                       j.op == OpCode::JUMP_IF_NONNULL_KEEP || j.op == OpCode::JUMP_IF_UNKNOWN_KEEP ||
                       j.op == OpCode::JUMP_IF_NOT_TRUE || j.op == OpCode::ITER_NEXT || j.op == OpCode::QUANT_STEP ||
                       j.op == OpCode::COMPR_TEST;
        if (is_jump && j.b > pc) target_ahead = true;
      }
      if (!target_ahead) return;
    }
  }
}

void entry(std::string& out, const Program& p, const char* label, const Entry& e, std::set<uint32_t>& fns) {
  out += std::string(label) + " (locals " + std::to_string(e.locals) + "):\n";
  listing(out, p, e.pc, &fns);
}
}  // namespace

std::string disassemble_rule(const Program& p, const Rule& r) {
  std::string out = "rule " + r.id + "  on " ;
  for (size_t i = 0; i < r.types.size(); ++i) out += (i ? ", " : "") + r.types[i];
  out += "\n";
  std::set<uint32_t> fns;
  if (r.has_guard) entry(out, p, "when", r.guard, fns);
  for (size_t i = 0; i < r.asserts.size(); ++i) {
    entry(out, p, ("assert #" + std::to_string(i + 1) + " " + r.asserts[i].text).c_str(), r.asserts[i].entry, fns);
  }
  if (r.has_message) entry(out, p, "message", r.message, fns);
  // Functions the rule calls, transitively.
  std::set<uint32_t> done;
  while (true) {
    std::set<uint32_t> todo;
    for (uint32_t f : fns) {
      if (!done.count(f)) todo.insert(f);
    }
    if (todo.empty()) break;
    for (uint32_t f : todo) {
      done.insert(f);
      const Function& fn = p.functions[f];
      out += "def " + fn.name + " (params " + std::to_string(fn.params) + ", locals " + std::to_string(fn.locals) + "):\n";
      listing(out, p, fn.pc, &fns);
    }
  }
  return out;
}

std::string disassemble(const Program& p) {
  std::string out = "; " + text::plural(p.code.size(), "instruction", "instructions") + ", " +
                    text::plural(p.constants.size(), "constant", "constants") + ", " +
                    text::plural(p.functions.size(), "function", "functions") + ", " +
                    text::plural(p.rules.size(), "rule", "rules") + "\n";
  for (const Rule& r : p.rules) out += "\n" + disassemble_rule(p, r);
  return out;
}

}  // namespace edict::bytecode
