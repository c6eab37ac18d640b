// The bytecode verifier: an abstract run of every entry over stack depths and iterator shapes,
// driven by the opcode table (pops, pushes, flow, operand kinds), plus the call graph's max stack.
#include "vm/verify.h"

#include <algorithm>
#include <cstdlib>
#include <string_view>

#include "stdlib/builtins.h"

namespace edict::bytecode {

namespace {

struct State {
  int64_t depth = -1;            // -1: not reached yet
  std::vector<IterShape> iters;  // the iterator stack, innermost last
  bool operator==(const State&) const = default;
};

// A call site: the callee, and the stack depth below its arguments.
struct CallSite {
  uint32_t callee;
  int64_t base;
};

// What one walk of an entry or function found.
struct Walk {
  int64_t max = 0;  // without calls
  std::vector<CallSite> calls;
};

class Verifier {
 public:
  explicit Verifier(const Program& p) : p_(p), state_(p.code.size()), owner_(p.code.size(), 0) {}

  Walk walk(uint32_t start, uint16_t locals) {
    Walk w;
    if (start >= p_.code.size()) {
      problem(start, "an entry starts past the end of the code");
      return w;
    }
    if (state_[start].depth >= 0) {
      problem(start, "code shared by two entries");
      return w;
    }
    ++walk_;
    state_[start] = State{0, {}};
    owner_[start] = walk_;
    std::vector<uint32_t> todo{start};
    while (!todo.empty()) {
      uint32_t pc = todo.back();
      todo.pop_back();
      step(pc, locals, w, todo);
    }
    return w;
  }

  void problem(uint32_t pc, std::string message) {
    if (pc < p_.code.size()) {
      message = std::string(op_info(p_.code[pc].op).name) + ": " + message;
    }
    result.problems.push_back({pc, std::move(message)});
  }

  VerifyResult result;

 private:
  static int64_t pops(const OpInfo& info, const Instr& in) {
    switch (info.pops) {
      case kPopA: return in.a;
      case kPopB: return in.b;
      case kPop2B: return 2 * int64_t{in.b};
      default: return info.pops;
    }
  }

  void step(uint32_t pc, uint16_t locals, Walk& w, std::vector<uint32_t>& todo) {
    ++result.checked;
    const Instr& in = p_.code[pc];
    if (static_cast<int>(in.op) >= kOpCount) {
      problem(pc, "not an opcode");
      return;
    }
    const OpInfo& info = op_info(in.op);
    State s = state_[pc];
    operand(pc, in, info.a, in.a, locals, s);
    operand(pc, in, info.b, in.b, locals, s);
    int64_t n = pops(info, in);
    if (s.depth < n) {
      problem(pc, "needs " + std::to_string(n) + " values, the stack holds " + std::to_string(s.depth));
      return;
    }
    State after = s;
    after.depth = s.depth - n + info.pushes;
    w.max = std::max({w.max, s.depth, after.depth});
    if (in.op == OpCode::CALL && in.b < p_.functions.size()) w.calls.push_back({in.b, s.depth - n});
    switch (info.iter) {
      case IterEffect::None: break;
      case IterEffect::Push: after.iters.push_back(in.shape()); break;
      case IterEffect::Use:
      case IterEffect::Pop:
        if (s.iters.empty()) {
          problem(pc, "no iterator is open");
          return;
        }
        if (info.iter == IterEffect::Pop) after.iters.pop_back();
        break;
    }
    switch (info.flow) {
      case Flow::Return:
        if (s.depth != 1) problem(pc, "returns with " + std::to_string(s.depth) + " values on the stack, not 1");
        if (!s.iters.empty()) problem(pc, "returns with an iterator open");
        return;
      case Flow::Next: flow(pc, pc + 1, after, todo, false); return;
      case Flow::Goto: flow(pc, in.b, after, todo, true); return;
      case Flow::Branch:
        flow(pc, pc + 1, after, todo, false);
        flow(pc, in.b, after, todo, true);
        return;
      case Flow::BranchKeep: {
        flow(pc, pc + 1, after, todo, false);
        State kept = after;
        kept.depth = s.depth;
        flow(pc, in.b, kept, todo, true);
        return;
      }
    }
  }

  void flow(uint32_t from, uint64_t to, const State& s, std::vector<uint32_t>& todo, bool jump) {
    if (to >= p_.code.size()) {
      problem(from, jump ? "jumps to " + std::to_string(to) + ", past the end of the code" : "runs past the end of the code");
      return;
    }
    State& there = state_[to];
    if (there.depth < 0) {
      there = s;
      owner_[to] = walk_;
      todo.push_back(static_cast<uint32_t>(to));
    } else if (owner_[to] != walk_) {
      problem(from, (jump ? "jumps to " : "runs on to ") + std::to_string(to) + ", code of another entry");
    } else if (!(there == s)) {
      problem(from, "reaches " + std::to_string(to) + " with stack depth " + std::to_string(s.depth) + " and " +
                        std::to_string(s.iters.size()) + " iterators, where another path has " +
                        std::to_string(there.depth) + " and " + std::to_string(there.iters.size()));
    }
  }

  void operand(uint32_t pc, const Instr& in, OperandKind kind, uint32_t v, uint16_t locals, const State& s) {
    auto out_of = [&](const char* what, size_t size) {
      if (v >= size) problem(pc, std::string(what) + " " + std::to_string(v) + " out of range (" + std::to_string(size) + ")");
    };
    switch (kind) {
      case OperandKind::None:
      case OperandKind::Symbol:  // interned names are valid by construction
      case OperandKind::Target:  // checked as control flow
      case OperandKind::Argc:    // checked with the callee
      case OperandKind::Count: return;  // checked as pops
      case OperandKind::Const: out_of("constant", p_.constants.size()); return;
      case OperandKind::Path:
      case OperandKind::Type: out_of("string", p_.strings.size()); return;
      case OperandKind::Meta: out_of("metadata field", kMetaFieldCount); return;
      case OperandKind::ResMode: out_of("resource mode", 2); return;
      case OperandKind::IterShape: out_of("iterator shape", 2); return;
      case OperandKind::Quant: out_of("quantifier", 4); return;
      case OperandKind::Slot: {
        bool pairs = in.op == OpCode::ITER_NEXT && !s.iters.empty() && s.iters.back() == IterShape::Pairs;
        if (v + (pairs ? 2u : 1u) > locals) {
          problem(pc, "local " + std::to_string(v) + (pairs ? " (and the next)" : "") + " out of range (" +
                          std::to_string(locals) + " locals)");
        }
        return;
      }
      case OperandKind::Function:
        out_of("function", p_.functions.size());
        if (v < p_.functions.size() && in.a != p_.functions[v].params) {
          problem(pc, p_.functions[v].name + " takes " + std::to_string(p_.functions[v].params) + " arguments, given " +
                          std::to_string(in.a));
        }
        return;
      case OperandKind::Builtin: {
        const auto& table = stdlib::builtins();
        out_of("builtin", table.size());
        if (v >= table.size()) return;
        const stdlib::Builtin& b = table[v];
        if (b.fn == nullptr) problem(pc, "builtin " + std::string(b.name) + " is a special form, not callable");
        if (in.a < b.min_args || (b.max_args != 255 && in.a > b.max_args)) {
          problem(pc, "builtin " + std::string(b.name) + " given " + std::to_string(in.a) + " arguments");
        }
        return;
      }
    }
  }

  const Program& p_;
  std::vector<State> state_;
  std::vector<uint32_t> owner_;  // which walk reached each instruction first (0: none)
  uint32_t walk_ = 0;
};

// Each function's max stack, calls included, over the call graph (a DAG unless a call is
// recursive, which is a problem). Iterative: chains of definitions can be very long.
std::vector<int64_t> function_max(Verifier& v, const Program& p, const std::vector<Walk>& walks) {
  std::vector<int64_t> total(p.functions.size(), -1);
  std::vector<uint8_t> state(p.functions.size(), 0);  // 0 new, 1 on the DFS stack, 2 done
  for (uint32_t root = 0; root < p.functions.size(); ++root) {
    if (state[root] != 0) continue;
    std::vector<std::pair<uint32_t, size_t>> dfs{{root, 0}};  // function, next call site
    state[root] = 1;
    while (!dfs.empty()) {
      auto& [f, next] = dfs.back();
      const Walk& w = walks[f];
      if (next < w.calls.size()) {
        uint32_t g = w.calls[next++].callee;
        if (state[g] == 1) {
          v.problem(p.functions[g].pc, "recursive call to " + p.functions[g].name);
        } else if (state[g] == 0) {
          state[g] = 1;
          dfs.push_back({g, 0});
        }
        continue;
      }
      int64_t m = w.max;
      for (const CallSite& c : w.calls) m = std::max(m, c.base + std::max<int64_t>(total[c.callee], 0));
      total[f] = m;
      state[f] = 2;
      dfs.pop_back();
    }
  }
  return total;
}

}  // namespace

VerifyResult verify(const Program& p, std::span<const Entry> extra) {
  Verifier v(p);
  if (p.spans.size() != p.code.size()) v.problem(0, "the span table does not match the code");
  std::vector<Walk> walks;
  walks.reserve(p.functions.size());
  for (const Function& f : p.functions) {
    if (f.locals < f.params) v.problem(f.pc, f.name + " has fewer locals than parameters");
    walks.push_back(v.walk(f.pc, f.locals));
  }
  std::vector<int64_t> fmax = function_max(v, p, walks);
  int64_t max = 0;
  for (int64_t m : fmax) max = std::max(max, m);
  auto entry = [&](const Entry& e) {
    Walk w = v.walk(e.pc, e.locals);
    max = std::max(max, w.max);
    for (const CallSite& c : w.calls) max = std::max(max, c.base + std::max<int64_t>(fmax[c.callee], 0));
  };
  for (const EntryRef& e : entries(p)) entry(e.entry);
  for (const Entry& e : extra) entry(e);
  v.result.max_stack = static_cast<uint32_t>(max);
  return std::move(v.result);
}

bool verify_enabled() {
#ifndef NDEBUG
  return true;
#else
  static const bool on = [] {
    const char* v = std::getenv("EDICT_VERIFY");
    return v != nullptr && std::string_view(v) == "1";
  }();
  return on;
#endif
}

void verify_or_throw(Program& p, std::span<const Entry> extra) {
  VerifyResult r = verify(p, extra);
  p.max_stack = r.max_stack;
  if (r.ok() || !verify_enabled()) return;
  std::string text = "bytecode verifier: " + std::to_string(r.problems.size()) + " problem(s) in compiled code";
  for (size_t i = 0; i < r.problems.size() && i < 20; ++i) {
    text += "\n  " + std::to_string(r.problems[i].pc) + ": " + r.problems[i].message;
  }
  throw VerifyError(text);
}

}  // namespace edict::bytecode
