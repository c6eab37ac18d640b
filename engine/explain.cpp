// Renders why an assert failed by re-running the sub-expressions recorded in its Explain tree.
#include "engine/explain.h"

#include "vm/operators.h"

namespace edict::engine {

namespace {

using K = bytecode::Explain::Kind;

std::string show(const Value& v) { return to_display(v, 160); }

struct Explainer {
  vm::Interpreter& vm;
  const model::Resource* self;

  bool value(const bytecode::Entry& e, Value& out, std::string& error) {
    if (vm.run(e, self, out)) return true;
    error = vm.error().message;
    return false;
  }

  void compare(const bytecode::Explain& x, std::vector<std::string>& out, const std::string& indent) {
    Value l, r;
    std::string err;
    if (!value(x.lhs, l, err) || !value(x.rhs, r, err)) {
      out.push_back(indent + x.text + ": could not be evaluated (" + err + ")");
      return;
    }
    const std::string& op = x.op;
    if (op == "in" || op == "not in") {
      if (x.lhs_literal) {
        out.push_back(indent + x.rhs_text + ": expected " + (op == "in" ? "to contain " : "not to contain ") + show(l) +
                      ", got " + show(r));
      } else {
        out.push_back(indent + x.lhs_text + ": expected " + (op == "in" ? "one of " : "none of ") + show(r) +
                      ", got " + show(l));
      }
    } else if (x.lhs_literal) {
      // `true == known(id)`, `0 < size`: the constant is the expectation, the other side was found.
      if (op == "==") {
        out.push_back(indent + x.rhs_text + ": expected " + show(l) + ", got " + show(r));
      } else if (op == "!=") {
        out.push_back(indent + x.rhs_text + ": expected anything but " + show(l));
      } else {
        const char* flipped = op == "<" ? ">" : op == "<=" ? ">=" : op == ">" ? "<" : "<=";
        out.push_back(indent + x.rhs_text + ": expected " + flipped + " " + show(l) + ", got " + show(r));
      }
    } else if (op == "==") {
      out.push_back(indent + x.lhs_text + ": expected " + show(r) + ", got " + show(l));
    } else if (op == "!=") {
      out.push_back(indent + x.lhs_text + ": expected anything but " + show(r));
    } else {
      out.push_back(indent + x.lhs_text + ": expected " + op + " " + show(r) + ", got " + show(l));
    }
  }

  void explain(const bytecode::Explain& x, std::vector<std::string>& out, const std::string& indent) {
    switch (x.kind) {
      case K::Compare: compare(x, out, indent); return;
      case K::And: {
        size_t before = out.size();
        for (const bytecode::Explain& k : x.kids) {
          Value v;
          std::string err;
          if (!value(k.value, v, err)) {
            out.push_back(indent + k.text + ": could not be evaluated (" + err + ")");
          } else if (vm::truth(v) == vm::Truth::False) {
            explain(k, out, indent);
          }
        }
        if (out.size() == before) out.push_back(indent + "`" + x.text + "` is false");
        return;
      }
      case K::Or:
        out.push_back(indent + "none of the alternatives holds:");
        for (const bytecode::Explain& k : x.kids) explain(k, out, indent + "  ");
        return;
      case K::Not: out.push_back(indent + "`" + x.kids[0].text + "` holds, but must not"); return;
      case K::Quantifier: {
        Value v;
        std::string err;
        value(x.value, v, err);
        const Value& w = vm.witness();
        if (x.op == "all") {
          out.push_back(indent + "`" + x.text + "` fails for " + show(w));
        } else if (x.op == "none") {
          out.push_back(indent + "`" + x.text + "` is violated by " + show(w));
        } else if (x.op == "some") {
          out.push_back(indent + "`" + x.text + "`: no element matches");
        } else {
          out.push_back(indent + "`" + x.text + "` is false");
        }
        return;
      }
      case K::Other: {
        Value v;
        std::string err;
        if (!value(x.value, v, err)) {
          out.push_back(indent + x.text + ": could not be evaluated (" + err + ")");
        } else if (v.is_null()) {
          out.push_back(indent + x.text + ": is null (absent)");
        } else {
          out.push_back(indent + "`" + x.text + "` is " + show(v));
        }
        return;
      }
    }
  }
};

}  // namespace

std::vector<std::string> explain_failure(vm::Interpreter& vm, const bytecode::Explain& x, const model::Resource* self) {
  std::vector<std::string> out;
  Explainer{vm, self}.explain(x, out, "");
  return out;
}

}  // namespace edict::engine
