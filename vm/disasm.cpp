// The disassembler: every instruction once, in code order, with its source span and its operands
// decoded by kind (vm/opcodes.h), under headings for the functions, rules and entries they belong to.
#include <algorithm>
#include <cstdio>
#include <vector>

#include "common/text.h"
#include "stdlib/builtins.h"
#include "vm/bytecode.h"

namespace edict::bytecode {

namespace {

// A heading printed above the instruction at `pc`; `gap` puts a blank line before it.
struct Heading {
  uint32_t pc;
  std::string text;
  bool gap = false;
};

std::string file_of(const Program& p, const lang::Span& s) {
  return p.sources && s.file < p.sources->size() ? p.sources->file(s.file).path() : std::string();
}

// "line:col-col" when the span is on one line, else "line:col-line:col"; "-" without sources.
std::string span_text(const Program& p, uint32_t pc) {
  if (!p.sources || pc >= p.spans.size() || p.spans[pc].file >= p.sources->size()) return "-";
  const lang::Span& s = p.spans[pc];
  const lang::SourceFile& f = p.sources->file(s.file);
  lang::LineCol b = f.line_col(s.begin);
  lang::LineCol e = f.line_col(s.end > s.begin ? s.end - 1 : s.begin);
  std::string out = std::to_string(b.line) + ":" + std::to_string(b.col) + "-";
  if (e.line != b.line) out += std::to_string(e.line) + ":";
  return out + std::to_string(e.col);
}

// Operands by kind: the main text, a suffix (argc=) and a trailing comment (display paths).
struct OperandText {
  std::string main, suffix, comment;
  void add(std::string& to, const std::string& part) {
    if (part.empty()) return;
    to += (to.empty() ? "" : " ") + part;
  }
};

void operand(OperandText& t, const Program& p, const Instr& in, OperandKind kind, uint32_t v) {
  auto at = [](const auto& table, uint32_t i) -> decltype(&table[0]) { return i < table.size() ? &table[i] : nullptr; };
  char buf[32];
  switch (kind) {
    case OperandKind::None: return;
    case OperandKind::Const: {
      const Value* k = at(p.constants, v);
      t.add(t.main, "K" + std::to_string(v) + (k ? " " + to_display(*k, 60) : " ?"));
      return;
    }
    case OperandKind::Slot: t.add(t.main, "L" + std::to_string(v)); return;
    case OperandKind::Path: {
      const std::string* s = at(p.strings, v);
      t.add(t.comment, s ? *s : "S" + std::to_string(v) + "?");
      return;
    }
    case OperandKind::Type: {
      const std::string* s = at(p.strings, v);
      t.add(t.main, s ? *s : "S" + std::to_string(v) + "?");
      return;
    }
    case OperandKind::Symbol: t.add(t.main, std::string(symbol_name(v))); return;
    case OperandKind::Meta:
      t.add(t.main, v < kMetaFieldCount ? std::string("@") + meta_field_name(in.meta()) : "@?");
      return;
    case OperandKind::Target: std::snprintf(buf, sizeof buf, "-> %04u", v); t.add(t.main, buf); return;
    case OperandKind::Argc: t.add(t.suffix, "argc=" + std::to_string(v)); return;
    case OperandKind::Function: {
      const Function* f = at(p.functions, v);
      t.add(t.main, f ? f->name : "F" + std::to_string(v) + "?");
      return;
    }
    case OperandKind::Builtin: {
      const stdlib::Builtin* b = at(stdlib::builtins(), v);
      t.add(t.main, b ? std::string(b->name) : "B" + std::to_string(v) + "?");
      return;
    }
    case OperandKind::ResMode: t.add(t.main, in.mode() == ResourceMode::Data ? "data" : ""); return;
    case OperandKind::IterShape: t.add(t.main, in.shape() == IterShape::Pairs ? "pairs" : ""); return;
    case OperandKind::Quant: t.add(t.main, quant_name(in.quant())); return;
    case OperandKind::Count: t.add(t.main, "n=" + std::to_string(v)); return;
  }
}

std::string instruction(const Program& p, uint32_t pc) {
  const Instr& in = p.code[pc];
  const OpInfo& info = op_info(in.op);
  OperandText t;
  operand(t, p, in, info.a, in.a);
  operand(t, p, in, info.b, in.b);
  char head[48];
  std::snprintf(head, sizeof head, "  %04u  %-14s ", pc, span_text(p, pc).c_str());
  std::string line = head;
  std::string name = info.name;
  name.resize(std::max<size_t>(name.size() + 1, 20), ' ');  // at least one space before operands
  line += name + t.main;
  if (!t.suffix.empty()) line += " " + t.suffix;
  if (!t.comment.empty()) line += "  ; " + t.comment;
  while (!line.empty() && line.back() == ' ') line.pop_back();
  return line + "\n";
}

// Lists [from, to) with the headings that fall in it (sorted by pc).
void listing(std::string& out, const Program& p, uint32_t from, uint32_t to, const std::vector<Heading>& heads) {
  auto h = std::lower_bound(heads.begin(), heads.end(), from, [](const Heading& x, uint32_t pc) { return x.pc < pc; });
  for (uint32_t pc = from; pc < to && pc < p.code.size(); ++pc) {
    for (; h != heads.end() && h->pc == pc; ++h) out += (h->gap ? "\n" : "") + h->text + "\n";
    out += instruction(p, pc);
  }
}

std::string def_heading(const Program& p, const Function& f) {
  return "def " + f.name + " (params " + std::to_string(f.params) + ", locals " + std::to_string(f.locals) + ")  " +
         file_of(p, f.span);
}

// The rule's heading and one per entry, at the pcs where they start.
void rule_headings(const Program& p, const Rule& r, std::vector<Heading>& out) {
  std::vector<EntryRef> es = entries(r);
  if (es.empty()) return;
  uint32_t first = es[0].entry.pc;
  for (const EntryRef& e : es) first = std::min(first, e.entry.pc);
  std::string h = "rule " + r.id + "  on ";
  for (size_t i = 0; i < r.types.size(); ++i) h += (i ? ", " : "") + r.types[i];
  out.push_back({first, h + "  " + file_of(p, r.span), true});
  for (const EntryRef& e : es) out.push_back({e.entry.pc, e.label + " (locals " + std::to_string(e.entry.locals) + "):"});
}

// Where each function and rule starts, sorted: the end of one is the start of the next.
std::vector<uint32_t> starts(const Program& p) {
  std::vector<uint32_t> out;
  for (const Function& f : p.functions) out.push_back(f.pc);
  for (const Rule& r : p.rules) {
    for (const EntryRef& e : entries(r)) out.push_back(e.entry.pc);
  }
  std::sort(out.begin(), out.end());
  return out;
}

uint32_t end_of(const Program& p, const std::vector<uint32_t>& starts, uint32_t pc) {
  auto it = std::upper_bound(starts.begin(), starts.end(), pc);
  return it == starts.end() ? static_cast<uint32_t>(p.code.size()) : *it;
}

void sort_headings(std::vector<Heading>& heads) {
  std::stable_sort(heads.begin(), heads.end(), [](const Heading& a, const Heading& b) { return a.pc < b.pc; });
}

}  // namespace

std::string disassemble_rule(const Program& p, const Rule& r) {
  std::vector<Heading> heads;
  rule_headings(p, r, heads);
  sort_headings(heads);
  std::string out;
  if (heads.empty()) return "rule " + r.id + " (no code)\n";
  std::vector<uint32_t> all = starts(p);
  // The rule's entries are contiguous: from the first to the end of the last.
  uint32_t from = heads.front().pc, to = end_of(p, all, heads.back().pc);
  listing(out, p, from, to, heads);
  // Functions the rule calls, transitively, each once: in waves (those the entries call, then those
  // these call, ...), each wave in index order. Every function is listed once, so this is linear.
  std::vector<bool> seen(p.functions.size(), false);
  std::vector<uint32_t> calls, wave;
  auto collect = [&](uint32_t a, uint32_t b) {
    for (uint32_t pc = a; pc < b; ++pc) {
      const Instr& in = p.code[pc];
      if (in.op == OpCode::CALL && in.b < seen.size() && !seen[in.b]) {
        seen[in.b] = true;
        calls.push_back(in.b);
      }
    }
  };
  collect(from, to);
  while (!calls.empty()) {
    wave.swap(calls);
    calls.clear();
    std::sort(wave.begin(), wave.end());
    for (uint32_t f : wave) {
      const Function& fn = p.functions[f];
      uint32_t end = end_of(p, all, fn.pc);
      listing(out, p, fn.pc, end, {{fn.pc, def_heading(p, fn), true}});
      collect(fn.pc, end);
    }
  }
  return out.substr(out.front() == '\n' ? 1 : 0);
}

std::string disassemble(const Program& p) {
  std::string out = "; " + text::plural(p.code.size(), "instruction", "instructions") + ", " +
                    text::plural(p.constants.size(), "constant", "constants") + ", " +
                    text::plural(p.functions.size(), "function", "functions") + ", " +
                    text::plural(p.rules.size(), "rule", "rules") + ", max stack " + std::to_string(p.max_stack) + "\n";
  std::vector<Heading> heads;
  for (const Function& f : p.functions) heads.push_back({f.pc, def_heading(p, f), true});
  for (const Rule& r : p.rules) rule_headings(p, r, heads);
  sort_headings(heads);
  listing(out, p, 0, static_cast<uint32_t>(p.code.size()), heads);
  return out;
}

}  // namespace edict::bytecode
