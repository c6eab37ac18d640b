// S-expression dumps of the AST (lang/parser.h dump), for tests and --dump-after=parse.
// One form per node kind: `(op a b)`, `(. x name)`, `(call f args)`, `(all x D B)`, ...
#include <charconv>
#include <cstdio>

#include "common/text.h"
#include "lang/parser.h"

namespace edict::lang {

namespace {

void quote(std::string& out, const std::string& s) { text::append_json_string(out, s); }

void vars(std::string& out, const Expr& e) { out += e.var2.empty() ? e.var : "(" + e.var + " " + e.var2 + ")"; }

void dump_to(std::string& out, const Expr& e) {
  auto kids = [&](size_t from) {
    for (size_t i = from; i < e.kids.size(); ++i) {
      out += ' ';
      dump_to(out, *e.kids[i]);
    }
  };
  switch (e.kind) {
    case ExprKind::Null: out += "null"; return;
    case ExprKind::Bool: out += e.boolean ? "true" : "false"; return;
    case ExprKind::Number: {
      char buf[32];
      auto r = std::to_chars(buf, buf + sizeof buf, e.number);
      out.append(buf, r.ptr);
      return;
    }
    case ExprKind::String: quote(out, e.text); return;
    case ExprKind::Name: out += e.text; return;
    case ExprKind::Self: out += "self"; return;
    case ExprKind::Template:
      out += "(template";
      kids(0);
      break;
    case ExprKind::List:
      out += "(list";
      kids(0);
      break;
    case ExprKind::Object:
      out += "(object";
      for (size_t i = 0; i < e.kids.size(); ++i) {
        out += " (";
        quote(out, i < e.keys.size() ? e.keys[i] : std::string());
        out += ' ';
        dump_to(out, *e.kids[i]);
        out += ')';
      }
      break;
    case ExprKind::Meta:
      if (e.kids.empty()) {
        out += "@" + e.text;
        return;
      }
      out += "(.@";
      kids(0);
      out += " " + e.text;
      break;
    case ExprKind::Member:
      out += "(.";
      kids(0);
      out += " " + e.text;
      break;
    case ExprKind::Index:
      out += "(index";
      kids(0);
      break;
    case ExprKind::Call:
      out += "(call " + e.text;
      kids(0);
      break;
    case ExprKind::Unary:
    case ExprKind::Binary:
      out += "(" + std::string(op_text(e.op));
      kids(0);
      break;
    case ExprKind::Quantifier:
      out += "(" + std::string(quant_text(e.quant)) + " ";
      vars(out, e);
      kids(0);
      break;
    case ExprKind::Comprehension:
      out += "(for ";
      vars(out, e);
      kids(0);
      break;
    case ExprKind::If:
      out += "(if";
      kids(0);
      break;
  }
  out += ')';
}

void dump_rule(std::string& out, const RuleDecl& r) {
  out += "\n  (rule " + r.id;
  for (const MetaField& f : r.meta) {
    out += "\n    (" + f.key;
    for (const std::string& v : f.values) {
      out += ' ';
      quote(out, v);
    }
    out += ')';
  }
  if (!r.types.empty()) {
    out += "\n    (on";
    if (r.data_sources) out += " data";
    for (const TypeRef& t : r.types) out += " " + t.name;
    out += ')';
  }
  if (r.when) out += "\n    (when " + dump(*r.when) + ")";
  for (const Assert& a : r.asserts) {
    out += "\n    (assert " + dump(*a.expr);
    if (a.message) out += " (else " + dump(*a.message) + ")";
    out += ')';
  }
  if (r.message) out += "\n    (message " + dump(*r.message) + ")";
  out += ')';
}

void dump_def(std::string& out, const DefDecl& d) {
  out += "\n  (def " + d.name + " (";
  for (size_t i = 0; i < d.params.size(); ++i) out += (i ? " " : "") + d.params[i].name;
  out += ") " + (d.body ? dump(*d.body) : std::string("?")) + ")";
}

}  // namespace

std::string dump(const Expr& e) {
  std::string out;
  dump_to(out, e);
  return out;
}

std::string dump(const Module& m) {
  std::string out = "(module";
  if (!m.package.empty()) out += "\n  (package " + m.package + ")";
  for (const Import& i : m.imports) out += "\n  (import " + i.package + " " + i.alias + ")";
  // Rules and defs in source order.
  size_t r = 0, d = 0;
  while (r < m.rules.size() || d < m.defs.size()) {
    if (d == m.defs.size() || (r < m.rules.size() && m.rules[r].span.begin < m.defs[d].span.begin)) {
      dump_rule(out, m.rules[r++]);
    } else {
      dump_def(out, m.defs[d++]);
    }
  }
  return out + ")";
}

}  // namespace edict::lang
