// The disassembler: one line per instruction with decoded operands and the source line.
#include <algorithm>
#include <cstdio>
#include <vector>

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
    default: return "";
  }
}

bool is_jump(OpCode op) {
  return op == OpCode::JUMP || op == OpCode::JUMP_IF_FALSE_KEEP || op == OpCode::JUMP_IF_TRUE_KEEP ||
         op == OpCode::JUMP_IF_NONNULL_KEEP || op == OpCode::JUMP_IF_UNKNOWN_KEEP || op == OpCode::JUMP_IF_NOT_TRUE ||
         op == OpCode::ITER_NEXT || op == OpCode::QUANT_STEP || op == OpCode::COMPR_TEST;
}

// Lists one entry or function from `from`; functions it calls are appended to `calls` the first
// time they are seen (`seen`), so that the whole rule is listed in linear time.
void listing(std::string& out, const Program& p, uint32_t from, std::vector<uint32_t>* calls, std::vector<bool>* seen) {
  uint32_t last_line = 0;
  uint32_t furthest_target = 0;  // the furthest jump target seen so far in this sequence
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
    if (in.op == OpCode::CALL && calls && in.b < seen->size() && !(*seen)[in.b]) {
      (*seen)[in.b] = true;
      calls->push_back(in.b);
    }
    if (is_jump(in.op)) furthest_target = std::max(furthest_target, in.b);
    // An entry ends at its last RETURN; entries never jump past another entry's start, so stop
    // when no jump of this sequence targets an instruction after this one.
    if (in.op == OpCode::RETURN && furthest_target <= pc) return;
  }
}

void entry(std::string& out, const Program& p, const char* label, const Entry& e, std::vector<uint32_t>& calls,
           std::vector<bool>& seen) {
  out += std::string(label) + " (locals " + std::to_string(e.locals) + "):\n";
  listing(out, p, e.pc, &calls, &seen);
}
}  // namespace

std::string disassemble_rule(const Program& p, const Rule& r) {
  std::string out = "rule " + r.id + "  on " ;
  for (size_t i = 0; i < r.types.size(); ++i) out += (i ? ", " : "") + r.types[i];
  out += "\n";
  std::vector<uint32_t> calls;                    // functions to list, in the order first called
  std::vector<bool> seen(p.functions.size(), false);
  if (r.has_guard) entry(out, p, "when", r.guard, calls, seen);
  for (size_t i = 0; i < r.asserts.size(); ++i) {
    entry(out, p, ("assert #" + std::to_string(i + 1) + " " + r.asserts[i].text).c_str(), r.asserts[i].entry, calls, seen);
  }
  if (r.has_message) entry(out, p, "message", r.message, calls, seen);
  // Functions the rule calls, transitively, each once: in waves (those the entries call, then those
  // these call, ...), each wave in index order. Every function is listed once, so this is linear.
  std::vector<uint32_t> wave;
  while (!calls.empty()) {
    wave.swap(calls);
    calls.clear();
    std::sort(wave.begin(), wave.end());
    for (uint32_t f : wave) {
      const Function& fn = p.functions[f];
      out += "def " + fn.name + " (params " + std::to_string(fn.params) + ", locals " + std::to_string(fn.locals) + "):\n";
      listing(out, p, fn.pc, &calls, &seen);
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
