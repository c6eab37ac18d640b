// The AST made by the parser (lang/parser.h) and read by the checker and compiler. Nodes carry an
// id; analysis results live in side tables keyed by that id (compiler/checked.h), never in nodes.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "lang/source.h"

namespace edict::lang {

enum class ExprKind : uint8_t {
  Null,           // null
  Bool,           // true / false                  -> boolean
  Number,         // 42, 3.5, 1e3                  -> number
  String,         // "text" (escapes decoded)      -> text
  Template,       // "..{expr}.." in messages      -> kids: String parts and expressions, in order
  List,           // [a, b]                        -> kids
  Object,         // {key: v, "k": v}              -> keys[i] : kids[i]
  Name,           // identifier                    -> text
  Self,           // self
  Meta,           // @field or expr.@field         -> text = field; kids[0] = target (absent: self)
  Member,         // expr.name                     -> text = name; kids[0] = target
  Index,          // expr[expr]                    -> kids[0] = target, kids[1] = index
  Call,           // name(args)                    -> text = function name (maybe qualified); kids = args
  Unary,          // not x, -x                     -> op; kids[0]
  Binary,         // a op b                        -> op; kids[0], kids[1]
  Quantifier,     // all|some|none x in D: B, count(x in D: B) -> quant; var, var2; kids = {D, B}
  Comprehension,  // [E for x in D if C]           -> var, var2; kids = {D, E, C?}
  If,             // if c then a else b            -> kids = {c, a, b}
};

enum class Op : uint8_t {
  None,
  // unary
  Not,
  Neg,
  // binary, loosest first
  Or,
  And,
  Eq,
  Ne,
  Lt,
  Le,
  Gt,
  Ge,
  In,
  NotIn,
  Refers,
  Coalesce,
  Add,
  Sub,
  Mul,
  Div,
  Mod,
};

enum class Quant : uint8_t { All, Some, None, Count };

const char* op_text(Op op);
const char* quant_text(Quant q);

// A fresh expression id; the parser gives every node one.
uint32_t next_expr_id();

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

struct Expr {
  ExprKind kind = ExprKind::Null;
  uint32_t id = 0;  // unique within the process (next_expr_id), so side tables can key on it
  Span span;
  Op op = Op::None;
  Quant quant = Quant::All;
  bool boolean = false;
  double number = 0;
  std::string text;               // name, string value, member name, meta field, call name
  std::string var, var2;          // quantifier / comprehension bindings (var2 empty if one)
  Span var_span, var2_span;
  std::vector<std::string> keys;  // object literal keys, parallel to kids
  std::vector<ExprPtr> kids;

  const Expr* kid(size_t i) const { return i < kids.size() ? kids[i].get() : nullptr; }
};

struct TypeRef {
  std::string name;
  Span span;
};

struct Assert {
  ExprPtr expr;
  Span span;         // the whole `assert ...` clause
  ExprPtr message;   // optional `else "template"`: the message when this assert fails
};

// A metadata clause: title, severity, category, remediation, controls, and any future key.
struct MetaField {
  std::string key;
  Span key_span;
  std::vector<std::string> values;  // one for most keys; several for `controls`
  Span value_span;
};

struct RuleDecl {
  std::string id;  // letters, digits, '_' and '-'
  Span id_span;
  Span span;
  // The doc comment: the contiguous `#` lines directly above `rule` (no blank line between),
  // each without its `#` and one following space, joined by '\n'. Empty when there is none.
  std::string doc;
  std::vector<MetaField> meta;  // in source order; the checker rejects duplicates
  ExprPtr message;              // Template (or String) from `message "..."`
  std::vector<TypeRef> types;   // from `on T1, T2`
  bool data_sources = false;    // `on data T`: check data sources of these types
  ExprPtr when;                 // optional guard
  std::vector<Assert> asserts;
  // Clauses that may appear once (`on`, `when`, `message`) but appeared again: the checker
  // reports each (E0108); the parser keeps the first.
  std::vector<std::pair<std::string, Span>> repeated_clauses;

  const MetaField* field(std::string_view key) const {
    for (const MetaField& f : meta) {
      if (f.key == key) return &f;
    }
    return nullptr;
  }
};

struct Param {
  std::string name;
  Span span;
};

struct DefDecl {
  std::string name;
  Span name_span;
  Span span;
  std::vector<Param> params;
  ExprPtr body;
};

struct Import {
  std::string package;  // dotted
  std::string alias;    // last segment unless `as NAME`
  Span span;
};

// One parsed source file.
struct Module {
  uint32_t file = 0;
  std::string package;  // dotted; empty when the file has no `package` line
  Span package_span;
  std::vector<Import> imports;
  std::vector<RuleDecl> rules;
  std::vector<DefDecl> defs;
};

}  // namespace edict::lang
