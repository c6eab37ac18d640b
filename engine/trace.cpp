// Builds evaluation traces from what a recording listener heard (engine/internal/recording.h).
// Events arrive in post-order (an expression's value after its operands'), so a stack rebuilds
// the tree: each event adopts the events on top of the stack that lie inside it, statically or,
// for a def call, in the body of the def it called.
#include "common/text.h"
#include "engine/trace.h"

#include <cctype>

#include "engine/internal/recording.h"
#include "vm/operators.h"

namespace edict::engine {

namespace {

using bytecode::ExprNode;
using Kind = ExprNode::Kind;

struct Node {
  uint32_t id;           // a key of Program::nodes
  bool binding = false;  // an iteration of quantifier or comprehension `id` (its kids are the body's)
  Value value;
  std::vector<Node> kids;
};

class Tracer {
 public:
  Tracer(const bytecode::Program& p, const TraceOptions& opts, std::vector<std::string>& out)
      : p_(p), opts_(opts), out_(out) {}

  std::vector<Node> build(const std::vector<internal::Event>& log) const {
    std::vector<Node> stack;
    for (const internal::Event& ev : log) {
      if (p_.node(ev.node) == nullptr) continue;
      size_t first = stack.size();
      // A binding adopts nothing: the body it starts comes after it.
      while (!ev.binding && first > 0 && inside(stack[first - 1], ev.node)) --first;
      Node n{ev.node, ev.binding, ev.value, {}};
      n.kids.assign(std::make_move_iterator(stack.begin() + static_cast<std::ptrdiff_t>(first)),
                    std::make_move_iterator(stack.end()));
      stack.resize(first);
      stack.push_back(std::move(n));
    }
    return stack;
  }

  // "assert multi_az == true => false" and, unless `brief`, the sub-expressions below it.
  void root(const std::string& label, const Node& n, bool brief) {
    line(0, label + text(node_of(n.id).span) + " => " + show(n.value));
    if (!brief) kids(n, 1);
  }

  // An entry that stopped with a run-time error: the values computed before it.
  void failed(const std::string& label, uint32_t root_node, const std::vector<Node>& forest, const std::string& error) {
    line(0, label + text(node_of(root_node).span) + " => error: " + error);
    for (const Node& n : forest) node(n, 1);
  }

  void finish() {
    if (truncated_) out_.push_back("... (trace cut at " + std::to_string(opts_.max_lines) + " lines)");
  }

 private:
  const ExprNode& node_of(uint32_t id) const { return *p_.node(id); }  // build() kept known ids only

  // Whether the event `t` is part of evaluating node `n`: `n` encloses it statically (a binding
  // belongs to its own quantifier), or `t` is the body of the def that `n` calls.
  bool inside(const Node& t, uint32_t n) const {
    if (t.binding && t.id == n) return true;
    for (uint32_t cur = t.id;;) {
      const ExprNode& tn = node_of(cur);
      if (tn.parent == 0) {
        const ExprNode& nn = node_of(n);
        return tn.def >= 0 && nn.def < 0 && nn.callee == tn.def;
      }
      cur = tn.parent;
      if (cur == n) return true;
    }
  }

  void node(const Node& n, size_t depth) {
    const ExprNode& tn = node_of(n.id);
    std::string value = show(n.value);
    if (n.binding) {
      line(depth, tn.vars + " = " + value);
      kids(n, depth + 1);
      return;
    }
    std::string src = text(tn.span);
    if (tn.def >= 0) {
      line(depth, "def " + tn.label + " = " + src + " => " + value);
    } else if (tn.flatten) {
      kids(n, depth);  // `a or b or c` lists a, b and c side by side
      return;
    } else {
      // A literal's text is its value; a variable's value shows where it was bound.
      if (n.kids.empty() && (src == value || tn.variable)) return;
      line(depth, src + " => " + value + (tn.join ? "  (found through references)" : ""));
    }
    kids(n, depth + 1);
  }

  void kids(const Node& n, size_t depth) {
    const ExprNode& tn = node_of(n.id);
    // A def body's root lists its operands plainly, whatever it is.
    if (n.binding || tn.def >= 0 || (tn.kind != Kind::Quantifier && tn.kind != Kind::Comprehension)) {
      for (const Node& kid : n.kids) node(kid, depth);
      return;
    }
    // The domain, then one group per element, each starting with its binding.
    std::vector<std::vector<const Node*>> groups;
    for (const Node& kid : n.kids) {
      if (kid.binding && kid.id == n.id) {
        groups.emplace_back();
      } else if (groups.empty()) {
        node(kid, depth);
        continue;
      }
      groups.back().push_back(&kid);
    }
    size_t total = groups.size();
    if (!n.kids.empty() && !(n.kids.front().binding && n.kids.front().id == n.id)) {
      const Value& d = n.kids.front().value;
      if (d.is_list() || d.is_object()) total = d.size();
    }
    const std::string& q = tn.op;
    bool decided = !groups.empty() && ((q == "all" && n.value.is_false()) || (q == "some" && n.value.is_true()) ||
                                       (q == "none" && n.value.is_false()));
    if (decided) {
      element(groups.back(), groups.size(), total, depth, "decides");
      return;
    }
    size_t shown = std::min(groups.size(), opts_.max_elements);
    for (size_t i = 0; i < shown; ++i) element(groups[i], i + 1, total, depth, "");
    if (groups.size() > shown) line(depth, "... " + std::to_string(groups.size() - shown) + " more elements");
  }

  void element(const std::vector<const Node*>& g, size_t i, size_t total, size_t depth, const char* note) {
    const Node& b = *g.front();
    std::string where = "element " + std::to_string(i) + " of " + std::to_string(total);
    line(depth,
         node_of(b.id).vars + " = " + show(b.value) + "  (" + where + (*note ? std::string(", ") + note : "") + ")");
    for (size_t k = 1; k < g.size(); ++k) node(*g[k], depth + 1);
  }

  void line(size_t depth, std::string s) {
    if (out_.size() >= opts_.max_lines) {
      truncated_ = true;
      return;
    }
    out_.push_back(std::string(depth * 2, ' ') + std::move(s));
  }

  std::string show(const Value& v) const { return to_display(v, opts_.value_width); }

  // The source text on one line, whitespace runs collapsed, shortened to text_width.
  std::string text(const lang::Span& span) const {
    if (!p_.sources || span.file >= p_.sources->size()) return {};
    std::string out = edict::text::one_line(p_.sources->text(span));
    // Keep both ends: long expressions often differ only in how they end.
    if (out.size() > opts_.text_width) {
      size_t tail = opts_.text_width / 3;
      out = out.substr(0, opts_.text_width - tail - 5) + " ... " + out.substr(out.size() - tail);
    }
    return out;
  }

  const bytecode::Program& p_;
  const TraceOptions& opts_;
  std::vector<std::string>& out_;
  bool truncated_ = false;
};

}  // namespace

std::vector<std::string> trace_rule(vm::Interpreter& vm, const bytecode::Rule& rule, const model::Resource& resource,
                                    Status status, const TraceOptions& opts) {
  const bytecode::Program& p = vm.program();
  std::vector<std::string> out;
  Tracer tracer(p, opts, out);
  internal::Recording log;
  vm.reset();
  vm.set_listener(&log);
  // Runs one entry and renders it; returns whether evaluation goes on after it.
  auto step = [&](const std::string& label, const bytecode::Entry& e, bool is_guard) {
    log.events.clear();
    Value v;
    bool ok = vm.run(e, &resource, v);
    std::vector<Node> forest = tracer.build(log.events);
    if (!ok) {
      if (p.node(e.node) != nullptr) tracer.failed(label, e.node, forest, vm.error().message);
      return false;
    }
    vm::Truth t = vm::truth(v);
    if (!forest.empty()) tracer.root(label, forest.back(), !is_guard && t == vm::Truth::True && status != Status::Pass);
    return is_guard ? t == vm::Truth::True : t != vm::Truth::False && t != vm::Truth::NotBool;
  };
  bool go_on = !rule.has_guard || step("when ", rule.guard, true);
  for (size_t i = 0; go_on && i < rule.asserts.size(); ++i) go_on = step("assert ", rule.asserts[i].entry, false);
  vm.set_listener(nullptr);
  tracer.finish();
  return out;
}

}  // namespace edict::engine
