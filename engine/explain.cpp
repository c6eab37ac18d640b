// Renders why an assert failed. The walk over the assert's and/or/not/comparison structure needs
// the values of a few of its nodes: it runs each on its own (Interpreter::run_node) with a
// listener that records just those nodes, so one run of a comparison gives both operands, and a
// conjunct that a short circuit skipped is still explained (every false one is, not the first).
#include "engine/explain.h"

#include "common/text.h"
#include "engine/internal/recording.h"
#include "vm/operators.h"

namespace edict::engine {

namespace {

using K = bytecode::ExprNode::Kind;

std::string show(const Value& v) { return to_display(v, 160); }

// How deep the and/or/not structure is followed; below it an expression is shown whole.
constexpr int kMaxDepth = 6;

struct Explainer {
  vm::Interpreter& vm;
  const bytecode::Program& p;
  const bytecode::Entry& entry;
  const model::Resource* self;
  internal::Recording rec;

  std::string text(uint32_t id) const {
    const bytecode::ExprNode* n = p.node(id);
    if (n == nullptr || !p.sources || n->span.file >= p.sources->size()) return {};
    return edict::text::one_line(p.sources->text(n->span));
  }

  // The value of node `id` (recorded, or computed now); the index just past its event in `at`.
  bool value(uint32_t id, Value& out, std::string& error, size_t* at = nullptr) {
    const internal::Event* e = rec.last_value(id);
    if (e == nullptr) {
      const bytecode::ExprNode* n = p.node(id);
      if (n == nullptr || n->end <= n->begin) {
        error = "it has no code of its own";
        return false;
      }
      vm.set_listener(&rec);
      bool ok = vm.run_node(entry, id, self, out);
      vm.set_listener(nullptr);
      if (!ok) {
        error = vm.error().message;
        return false;
      }
      e = rec.last_value(id);
      if (e == nullptr) {
        error = "no value recorded";
        return false;
      }
    }
    out = e->value;
    if (at) *at = static_cast<size_t>(e - rec.events.data()) + 1;
    return true;
  }

  void compare(const bytecode::ExprNode& x, uint32_t id, std::vector<std::string>& out, const std::string& indent) {
    Value l, r;
    std::string err;
    value(id, l, err);  // one run records both operands (an error shows below, on the operand)
    err.clear();
    if (x.kids.size() != 2 || !value(x.kids[0], l, err) || !value(x.kids[1], r, err)) {
      out.push_back(indent + text(id) + ": could not be evaluated (" + err + ")");
      return;
    }
    const std::string& op = x.op;
    bool lhs_literal = p.node(x.kids[0])->folded;
    // The operand the line is about (the other one is the expectation).
    std::string lhs_text = lhs_literal ? std::string() : text(x.kids[0]);
    std::string rhs_text = lhs_literal ? text(x.kids[1]) : std::string();
    if (op == "in" || op == "not in") {
      if (lhs_literal) {
        out.push_back(indent + rhs_text + ": expected " + (op == "in" ? "to contain " : "not to contain ") + show(l) +
                      ", got " + show(r));
      } else {
        out.push_back(indent + lhs_text + ": expected " + (op == "in" ? "one of " : "none of ") + show(r) +
                      ", got " + show(l));
      }
    } else if (lhs_literal) {
      // `true == known(id)`, `0 < size`: the constant is the expectation, the other side was found.
      if (op == "==") {
        out.push_back(indent + rhs_text + ": expected " + show(l) + ", got " + show(r));
      } else if (op == "!=") {
        out.push_back(indent + rhs_text + ": expected anything but " + show(l));
      } else {
        const char* flipped = op == "<" ? ">" : op == "<=" ? ">=" : op == ">" ? "<" : "<=";
        out.push_back(indent + rhs_text + ": expected " + flipped + " " + show(l) + ", got " + show(r));
      }
    } else if (op == "==") {
      out.push_back(indent + lhs_text + ": expected " + show(r) + ", got " + show(l));
    } else if (op == "!=") {
      out.push_back(indent + lhs_text + ": expected anything but " + show(r));
    } else {
      out.push_back(indent + lhs_text + ": expected " + op + " " + show(r) + ", got " + show(l));
    }
  }

  // The nodes explain() may read, so that the recording keeps only them.
  void wanted(uint32_t id, int depth) {
    const bytecode::ExprNode& x = *p.node(id);
    rec.wanted.push_back(id);
    K kind = depth > kMaxDepth || x.folded ? K::Other : x.kind;
    if (kind == K::Compare) {
      for (uint32_t k : x.kids) rec.wanted.push_back(k);
    } else if (kind == K::And || kind == K::Or) {
      std::vector<uint32_t> kids;
      operands(x.kids[0], kind, kids);
      operands(x.kids[1], kind, kids);
      for (uint32_t k : kids) wanted(k, depth + 1);
    }
  }

  // The operands of an and/or chain: `a and b and c` -> [a, b, c].
  void operands(uint32_t id, K kind, std::vector<uint32_t>& out) const {
    const bytecode::ExprNode& n = *p.node(id);
    if (n.kind == kind && n.kids.size() == 2) {
      operands(n.kids[0], kind, out);
      operands(n.kids[1], kind, out);
    } else {
      out.push_back(id);
    }
  }

  void explain(uint32_t id, int depth, std::vector<std::string>& out, const std::string& indent) {
    const bytecode::ExprNode& x = *p.node(id);
    // A folded constant has no code below it: it is shown whole.
    K kind = depth > kMaxDepth || x.folded ? K::Other : x.kind;
    switch (kind) {
      case K::Compare: compare(x, id, out, indent); return;
      case K::And: {
        size_t before = out.size();
        std::vector<uint32_t> kids;
        operands(x.kids[0], K::And, kids);
        operands(x.kids[1], K::And, kids);
        for (uint32_t k : kids) {
          Value v;
          std::string err;
          if (!value(k, v, err)) {
            out.push_back(indent + text(k) + ": could not be evaluated (" + err + ")");
          } else if (vm::truth(v) == vm::Truth::False) {
            explain(k, depth + 1, out, indent);
          }
        }
        if (out.size() == before) out.push_back(indent + "`" + text(id) + "` is false");
        return;
      }
      case K::Or: {
        out.push_back(indent + "none of the alternatives holds:");
        std::vector<uint32_t> kids;
        operands(x.kids[0], K::Or, kids);
        operands(x.kids[1], K::Or, kids);
        for (uint32_t k : kids) explain(k, depth + 1, out, indent + "  ");
        return;
      }
      case K::Not: out.push_back(indent + "`" + text(x.kids[0]) + "` holds, but must not"); return;
      case K::Quantifier: {
        Value v;
        std::string err;
        size_t at = 0;
        value(id, v, err, &at);
        const internal::Event* b = at > 0 ? rec.last_binding(id, at) : nullptr;
        Value w = b ? b->element : Value::null();
        if (x.op == "all") {
          out.push_back(indent + "`" + text(id) + "` fails for " + show(w));
        } else if (x.op == "none") {
          out.push_back(indent + "`" + text(id) + "` is violated by " + show(w));
        } else if (x.op == "some") {
          out.push_back(indent + "`" + text(id) + "`: no element matches");
        } else {
          out.push_back(indent + "`" + text(id) + "` is false");
        }
        return;
      }
      case K::Comprehension:
      case K::Other: {
        Value v;
        std::string err;
        if (!value(id, v, err)) {
          out.push_back(indent + text(id) + ": could not be evaluated (" + err + ")");
        } else if (v.is_null()) {
          out.push_back(indent + text(id) + ": is null (absent)");
        } else {
          out.push_back(indent + "`" + text(id) + "` is " + show(v));
        }
        return;
      }
    }
  }
};

}  // namespace

std::vector<std::string> explain_failure(vm::Interpreter& vm, const bytecode::Assert& a, const model::Resource* self) {
  std::vector<std::string> out;
  const bytecode::Program& p = vm.program();
  if (p.node(a.entry.node) == nullptr) return out;
  Explainer x{vm, p, a.entry, self, {}};
  x.wanted(a.entry.node, 0);
  x.explain(a.entry.node, 0, out, "");
  return out;
}

}  // namespace edict::engine
