// PEGTL actions and control that turn grammar/grammar.h matches into the AST of lang/ast.h.
// Included only by lang/parser.cpp. Actions fire when their rule has matched; they keep operands
// on ParseState's stacks and reduce them into nodes. Nothing is built twice on backtracking: the
// grammar never backtracks past a rule with an AST action (alternatives differ in their first
// token, and everything after a commit point is under must<>, which throws instead of failing).
#pragma once

#include <algorithm>
#include <cctype>
#include <charconv>
#include <string>
#include <system_error>
#include <type_traits>
#include <vector>

#include "grammar/grammar.h"
#include "lang/internal/parse_state.h"

namespace edict::lang::internal {

namespace g = edict::grammar;
namespace pegtl = tao::pegtl;

// ---------------------------------------------------------------- control

// Rules whose recursion the nesting limit counts: every nested expression and prefix operand.
// (Counted on rules entered only after a token matched, so failed attempts cost nothing.)
template <typename Rule>
inline constexpr bool kNests =
    std::is_same_v<Rule, g::expr> || std::is_same_v<Rule, g::not_operand> || std::is_same_v<Rule, g::neg_operand>;

// The one-line specializations below read as tables, so clang-format leaves them alone.
// clang-format off

// The diagnostic code of a failed must<Rule>; E0101 unless the rule is lexical.
template <typename Rule>
inline constexpr Code kErrorCode = Code::SyntaxError;
template <> inline constexpr Code kErrorCode<g::dq_close> = Code::UnterminatedString;
template <> inline constexpr Code kErrorCode<g::sq_close> = Code::UnterminatedString;
template <> inline constexpr Code kErrorCode<g::escape_code> = Code::BadEscape;
template <> inline constexpr Code kErrorCode<g::frac_digits> = Code::BadNumber;
template <> inline constexpr Code kErrorCode<g::exp_digits> = Code::BadNumber;
template <> inline constexpr Code kErrorCode<g::number_end> = Code::BadNumber;

// Counts nesting around a matching rule; E0105 past kMaxNesting, before the stack can suffer.
struct NestingGuard {
  ParseState& s;
  NestingGuard(ParseState& state, const char* at, const char* end) : s(state) {
    if (++s.nesting > kMaxNesting + 1) {  // +1: the outermost expression counts too
      uint32_t b = s.offset(skip_gap(at, end));
      s.fail(Code::TooDeep, b, b + 1,
             "expression is nested too deeply (more than " + std::to_string(kMaxNesting) +
                 " levels of brackets or prefix operators)");
    }
  }
  ~NestingGuard() { --s.nesting; }
  NestingGuard(const NestingGuard&) = delete;
  NestingGuard& operator=(const NestingGuard&) = delete;
};

template <typename Rule>
struct Control : pegtl::normal<Rule> {
  template <pegtl::apply_mode A, pegtl::rewind_mode M, template <typename...> class Action,
            template <typename...> class Ctl, typename Input>
  [[nodiscard]] static bool match(Input& in, ParseState& s) {
    if constexpr (kNests<Rule>) {
      NestingGuard guard(s, in.current(), in.end());
      return pegtl::normal<Rule>::template match<A, M, Action, Ctl>(in, s);
    } else {
      return pegtl::normal<Rule>::template match<A, M, Action, Ctl>(in, s);
    }
  }

  template <typename Input>
  [[noreturn]] static void raise(const Input& in, ParseState& s) {
    static_assert(g::error_message<Rule> != nullptr, "every rule under must<> needs an error_message");
    constexpr Code code = kErrorCode<Rule>;
    std::string message = g::error_message<Rule>;
    const char* at = in.current();
    const char* end = in.end();
    if constexpr (code == Code::UnterminatedString) {
      s.fail(code, s.offset(s.quote_at), s.offset(at), message);
    } else if constexpr (code == Code::BadEscape) {
      s.fail(code, s.offset(s.escape_at), s.offset(std::min(s.escape_at + 2, end)), message);
    } else if constexpr (code == Code::BadNumber) {
      const char* stop = at;
      while (stop < end && (std::isalnum(static_cast<unsigned char>(*stop)) || *stop == '_' || *stop == '.')) ++stop;
      s.fail(code, s.offset(s.number_at), s.offset(stop), message);
    } else {
      at = skip_gap(at, end);
      // The file's end, not the input's: inside a template's `{...}` the input stops at the `}`.
      if (message.rfind("expected", 0) == 0) message += ", found " + describe_token(at, s.text_end());
      s.fail(code, s.offset(at), s.offset(at < s.text_end() ? at + 1 : at), message);
    }
  }
};

// ---------------------------------------------------------------- actions

template <typename Rule>
struct Action : pegtl::nothing<Rule> {};

// Helpers shared by the actions below: the first token's offset and the end offset of a match.
template <typename Input>
uint32_t first(const Input& in, const ParseState& s) {
  return s.offset(skip_gap(in.begin(), in.end()));
}
template <typename Input>
uint32_t last(const Input& in, const ParseState& s) {
  return s.offset(in.end());
}

// Lexical bookkeeping for error positions.
template <> struct Action<g::dq_open> {
  template <typename Input> static void apply(const Input& in, ParseState& s) { s.quote_at = in.begin(); }
};
template <> struct Action<g::sq_open> : Action<g::dq_open> {};
template <> struct Action<g::escape_mark> {
  template <typename Input> static void apply(const Input& in, ParseState& s) { s.escape_at = in.begin(); }
};
template <> struct Action<g::int_part> {
  template <typename Input> static void apply(const Input& in, ParseState& s) { s.number_at = in.begin(); }
};

// Literals.
template <> struct Action<g::number> {
  template <typename Input> static void apply(const Input& in, ParseState& s) {
    double v = 0;
    auto [ptr, ec] = std::from_chars(in.begin(), in.end(), v);
    if (ec != std::errc() || ptr != in.end()) {
      s.fail(Code::BadNumber, s.offset(in.begin()), s.offset(in.end()), "number literal is out of range");
    }
    ExprPtr e = s.node(ExprKind::Number, s.offset(in.begin()), s.offset(in.end()));
    e->number = v;
    s.push(std::move(e));
  }
};
template <> struct Action<g::string_lit> {
  template <typename Input> static void apply(const Input& in, ParseState& s) {
    ExprPtr e = s.node(ExprKind::String, s.offset(in.begin()), s.offset(in.end()));
    e->text = decode_string(s, in.begin() + 1, in.end() - 1);
    s.push(std::move(e));
  }
};
template <> struct Action<g::raw_lit> {
  template <typename Input> static void apply(const Input& in, ParseState& s) {
    ExprPtr e = s.node(ExprKind::String, s.offset(in.begin()), s.offset(in.end()));
    e->text.assign(in.begin() + 1, in.end() - 1);
    s.push(std::move(e));
  }
};
template <> struct Action<g::template_string> {
  template <typename Input> static void apply(const Input& in, ParseState& s) {
    push_template(s, in.begin(), in.end());
  }
};
// A leaf whose kind (and text, for names) comes from the matched text alone.
template <ExprKind Kind, bool Value = false, bool Text = false>
struct LeafAction {
  template <typename Input> static void apply(const Input& in, ParseState& s) {
    ExprPtr e = s.node(Kind, s.offset(in.begin()), s.offset(in.end()));
    e->boolean = Value;
    if constexpr (Text) e->text = in.string();
    s.push(std::move(e));
  }
};
template <> struct Action<g::null_lit> : LeafAction<ExprKind::Null> {};
template <> struct Action<g::true_lit> : LeafAction<ExprKind::Bool, true> {};
template <> struct Action<g::false_lit> : LeafAction<ExprKind::Bool, false> {};
template <> struct Action<g::self_ref> : LeafAction<ExprKind::Self> {};
template <> struct Action<g::name_ref> : LeafAction<ExprKind::Name, false, true> {};
template <> struct Action<g::meta_self> {
  template <typename Input> static void apply(const Input& in, ParseState& s) {
    ExprPtr e = s.node(ExprKind::Meta, s.offset(in.begin()), s.offset(in.end()));
    e->text.assign(in.begin() + 1, in.end());
    s.push(std::move(e));
  }
};

// Names and strings that wait on a stack for the construct that uses them.
template <> struct Action<g::binding> {
  template <typename Input> static void apply(const Input& in, ParseState& s) {
    s.bindings.push_back({in.string(), s.offset(in.begin()), s.offset(in.end())});
  }
};
template <> struct Action<g::key_word> {
  template <typename Input> static void apply(const Input& in, ParseState& s) {
    s.values.push_back({in.string(), s.offset(in.begin()), s.offset(in.end())});
  }
};
template <> struct Action<g::meta_word> : Action<g::key_word> {};
template <> struct Action<g::key_sq> {
  template <typename Input> static void apply(const Input& in, ParseState& s) {
    s.values.push_back({std::string(in.begin() + 1, in.end() - 1), s.offset(in.begin()), s.offset(in.end())});
  }
};
template <> struct Action<g::key_dq> {
  template <typename Input> static void apply(const Input& in, ParseState& s) {
    s.values.push_back({decode_string(s, in.begin() + 1, in.end() - 1), s.offset(in.begin()), s.offset(in.end())});
  }
};
template <> struct Action<g::meta_string> {
  template <typename Input> static void apply(const Input& in, ParseState& s) {
    if (*in.begin() == '"') {
      Action<g::key_dq>::apply(in, s);
    } else {
      Action<g::key_sq>::apply(in, s);
    }
  }
};

// Copies the bindings pushed since `begin` into e->var / e->var2.
inline void take_bindings(ParseState& s, Expr& e, uint32_t begin) {
  size_t n = ParseState::tokens_from(s.bindings, begin);
  Token* t = s.bindings.data() + s.bindings.size() - n;
  e.var = t[0].text;
  e.var_span = s.span(t[0].begin, t[0].end);
  if (n > 1) {
    e.var2 = t[1].text;
    e.var2_span = s.span(t[1].begin, t[1].end);
  }
  s.bindings.resize(s.bindings.size() - n);
}

// Brackets and prefix forms.
template <> struct Action<g::paren> {
  template <typename Input> static void apply(const Input& in, ParseState& s) {
    s.operands.back().begin = s.offset(in.begin());
    s.operands.back().end = s.offset(in.end());
  }
};
template <> struct Action<g::comp_tail> {
  template <typename Input> static void apply(const Input& in, ParseState& s) {
    uint32_t b = first(in, s);
    size_t n = s.operands_from(b);  // D and maybe C
    Operand c;
    if (n == 2) c = s.pop();
    Operand d = s.pop();
    Operand elem = s.pop();
    ExprPtr e = s.node(ExprKind::Comprehension, elem.begin, last(in, s));
    take_bindings(s, *e, b);
    uint32_t begin = elem.begin;
    s.operands.push_back(std::move(d));
    s.operands.push_back(std::move(elem));
    if (c.expr) s.operands.push_back(std::move(c));
    s.reduce(std::move(e), n + 1);
    s.operands.back().begin = begin;
    s.operands.back().open_comprehension = true;
  }
};
template <> struct Action<g::bracket> {
  template <typename Input> static void apply(const Input& in, ParseState& s) {
    uint32_t b = s.offset(in.begin()), e = s.offset(in.end());
    size_t n = s.operands_from(b + 1);
    if (n == 1 && s.operands.back().open_comprehension) {
      Operand& top = s.operands.back();
      top.open_comprehension = false;
      top.begin = top.expr->span.begin = b;
      top.end = top.expr->span.end = e;
      return;
    }
    s.reduce(s.node(ExprKind::List, b, e), n);
  }
};
template <> struct Action<g::object> {
  template <typename Input> static void apply(const Input& in, ParseState& s) {
    uint32_t b = s.offset(in.begin());
    ExprPtr e = s.node(ExprKind::Object, b, s.offset(in.end()));
    size_t n = ParseState::tokens_from(s.values, b);
    for (size_t i = s.values.size() - n; i < s.values.size(); ++i) e->keys.push_back(std::move(s.values[i].text));
    s.values.resize(s.values.size() - n);
    s.reduce(std::move(e), s.operands_from(b));
  }
};
template <> struct Action<g::quantifier> {
  template <typename Input> static void apply(const Input& in, ParseState& s) {
    uint32_t b = s.offset(in.begin());
    ExprPtr e = s.node(ExprKind::Quantifier, b, s.offset(in.end()));
    char c = *in.begin();
    e->quant = c == 'a' ? Quant::All : c == 's' ? Quant::Some : Quant::None;
    take_bindings(s, *e, b);
    s.reduce(std::move(e), 2);
  }
};
template <> struct Action<g::count_expr> {
  template <typename Input> static void apply(const Input& in, ParseState& s) {
    uint32_t b = s.offset(in.begin());
    ExprPtr e = s.node(ExprKind::Quantifier, b, s.offset(in.end()));
    e->quant = Quant::Count;
    take_bindings(s, *e, b);
    s.reduce(std::move(e), 2);
  }
};
template <> struct Action<g::if_expr> {
  template <typename Input> static void apply(const Input& in, ParseState& s) {
    s.reduce(s.node(ExprKind::If, s.offset(in.begin()), s.offset(in.end())), 3);
  }
};

// Postfix suffixes: the target is the operand on top of the stack (below any arguments).
template <ExprKind Kind, size_t Skip>
struct SuffixAction {
  template <typename Input> static void apply(const Input& in, ParseState& s) {
    const Operand& target = s.operands.back();
    ExprPtr e = s.node(Kind, target.begin, s.offset(in.end()));
    e->text.assign(in.begin() + Skip, in.end());
    s.reduce(std::move(e), 1);
  }
};
template <> struct Action<g::meta_suffix> : SuffixAction<ExprKind::Meta, 1> {};
template <> struct Action<g::member_suffix> : SuffixAction<ExprKind::Member, 0> {};
template <> struct Action<g::index_op> {
  template <typename Input> static void apply(const Input& in, ParseState& s) {
    const Operand& target = s.operands[s.operands.size() - 2];
    s.reduce(s.node(ExprKind::Index, target.begin, s.offset(in.end())), 2);
  }
};
// The dotted name of a callee (`f`, `net.is_open`), or empty if it is not a plain or dotted name.
inline std::string callee_name(const Expr& e) {
  if (e.kind == ExprKind::Name) return e.text;
  if (e.kind != ExprKind::Member) return {};
  std::string left = callee_name(*e.kids[0]);
  return left.empty() ? left : left + "." + e.text;
}
template <> struct Action<g::call_op> {
  template <typename Input> static void apply(const Input& in, ParseState& s) {
    uint32_t b = s.offset(in.begin());
    size_t n = s.operands_from(b);
    Operand& callee = s.operands[s.operands.size() - n - 1];
    std::string fn = callee.begin == callee.expr->span.begin ? callee_name(*callee.expr) : std::string();
    if (fn.empty()) {
      s.fail(Code::SyntaxError, b, b + 1, "only a function name (such as f or net.is_open) can be called");
    }
    Operand target = std::move(callee);
    s.operands.erase(s.operands.end() - static_cast<std::ptrdiff_t>(n) - 1);
    ExprPtr e = s.node(ExprKind::Call, target.begin, s.offset(in.end()));
    e->text = std::move(fn);
    s.reduce(std::move(e), n);
  }
};

// Operators.
template <Op O>
struct OpAction {
  static void apply0(ParseState& s) { s.ops.push_back(O); }
};
template <> struct Action<g::op_mul> : OpAction<Op::Mul> {};
template <> struct Action<g::op_div> : OpAction<Op::Div> {};
template <> struct Action<g::op_mod> : OpAction<Op::Mod> {};
template <> struct Action<g::op_add> : OpAction<Op::Add> {};
template <> struct Action<g::op_sub> : OpAction<Op::Sub> {};
template <> struct Action<g::op_eq> : OpAction<Op::Eq> {};
template <> struct Action<g::op_ne> : OpAction<Op::Ne> {};
template <> struct Action<g::op_le> : OpAction<Op::Le> {};
template <> struct Action<g::op_lt> : OpAction<Op::Lt> {};
template <> struct Action<g::op_ge> : OpAction<Op::Ge> {};
template <> struct Action<g::op_gt> : OpAction<Op::Gt> {};
template <> struct Action<g::op_in> : OpAction<Op::In> {};
template <> struct Action<g::op_not_in> : OpAction<Op::NotIn> {};
template <> struct Action<g::op_refers> : OpAction<Op::Refers> {};

inline void reduce_binary(ParseState& s, Op op) {
  const Operand& left = s.operands[s.operands.size() - 2];
  ExprPtr e = s.node(ExprKind::Binary, left.begin, s.operands.back().end);
  e->op = op;
  s.reduce(std::move(e), 2);
}
// A tail whose operator was pushed by an OpAction.
struct TailAction {
  static void apply0(ParseState& s) {
    Op op = s.ops.back();
    s.ops.pop_back();
    reduce_binary(s, op);
  }
};
template <> struct Action<g::product_tail> : TailAction {};
template <> struct Action<g::sum_tail> : TailAction {};
template <> struct Action<g::cmp_tail> : TailAction {};
template <Op O>
struct FixedTailAction {
  static void apply0(ParseState& s) { reduce_binary(s, O); }
};
template <> struct Action<g::and_tail> : FixedTailAction<Op::And> {};
template <> struct Action<g::or_tail> : FixedTailAction<Op::Or> {};
// `a ?? b ?? c` is `a ?? (b ?? c)`: fold the chain's operands from the right.
template <> struct Action<g::coalesce> {
  template <typename Input> static void apply(const Input& in, ParseState& s) {
    size_t n = s.operands_from(first(in, s));
    if (n < 2) return;
    std::vector<Operand> chain;
    for (size_t i = s.operands.size() - n; i < s.operands.size(); ++i) chain.push_back(std::move(s.operands[i]));
    s.operands.resize(s.operands.size() - n);
    s.operands.push_back(std::move(chain.back()));
    for (size_t i = n - 1; i-- > 0;) {
      s.operands.insert(s.operands.end() - 1, std::move(chain[i]));
      reduce_binary(s, Op::Coalesce);
    }
  }
};

template <Op O>
struct PrefixAction {
  template <typename Input> static void apply(const Input& in, ParseState& s) {
    ExprPtr e = s.node(ExprKind::Unary, first(in, s), s.operands.back().end);
    e->op = O;
    s.reduce(std::move(e), 1);
  }
};
template <> struct Action<g::negation> : PrefixAction<Op::Neg> {};
template <> struct Action<g::not_prefix> : PrefixAction<Op::Not> {};

// ---------------------------------------------------------------- rules, defs, files

template <> struct Action<g::rule_id> {
  template <typename Input> static void apply(const Input& in, ParseState& s) {
    s.rule = RuleDecl{};
    s.rule.id = in.string();
    s.rule.id_span = s.span(s.offset(in.begin()), s.offset(in.end()));
  }
};
// title, severity, category, remediation, controls: the keyword, then the values it pushed.
struct MetaItemAction {
  template <typename Input> static void apply(const Input& in, ParseState& s) {
    uint32_t b = first(in, s);
    const char* k = s.at(b);
    while (k < in.end() && (std::isalnum(static_cast<unsigned char>(*k)) || *k == '_')) ++k;
    MetaField f;
    f.key.assign(s.at(b), k);
    f.key_span = s.span(b, s.offset(k));
    size_t n = ParseState::tokens_from(s.values, b);
    for (size_t i = s.values.size() - n; i < s.values.size(); ++i) f.values.push_back(std::move(s.values[i].text));
    f.value_span = s.span(s.values[s.values.size() - n].begin, s.values.back().end);
    s.values.resize(s.values.size() - n);
    s.rule.meta.push_back(std::move(f));
  }
};
template <> struct Action<g::title_item> : MetaItemAction {};
template <> struct Action<g::severity_item> : MetaItemAction {};
template <> struct Action<g::category_item> : MetaItemAction {};
template <> struct Action<g::remediation_item> : MetaItemAction {};
template <> struct Action<g::controls_item> : MetaItemAction {};
template <> struct Action<g::message_item> {
  template <typename Input> static void apply(const Input& in, ParseState& s) {
    ExprPtr e = s.pop().expr;
    if (s.rule.message) {
      s.rule.repeated_clauses.emplace_back("message", s.span(s.offset(in.begin()), s.offset(in.end())));
    } else {
      s.rule.message = std::move(e);
    }
  }
};
template <> struct Action<g::on_item> {
  // Types pushed before this clause began mean an earlier `on` clause: report, keep the first.
  template <typename Input> static void apply(const Input& in, ParseState& s) {
    uint32_t begin = s.offset(in.begin());
    auto first_here = std::find_if(s.rule.types.begin(), s.rule.types.end(),
                                   [&](const TypeRef& t) { return t.span.begin >= begin; });
    if (first_here != s.rule.types.begin()) {
      s.rule.repeated_clauses.emplace_back("on", s.span(begin, s.offset(in.end())));
      s.rule.types.erase(first_here, s.rule.types.end());
    }
  }
};
template <> struct Action<g::on_data> {
  static void apply0(ParseState& s) { s.rule.data_sources = true; }
};
template <> struct Action<g::type_name> {
  template <typename Input> static void apply(const Input& in, ParseState& s) {
    s.rule.types.push_back({in.string(), s.span(s.offset(in.begin()), s.offset(in.end()))});
  }
};
template <> struct Action<g::when_item> {
  template <typename Input> static void apply(const Input& in, ParseState& s) {
    ExprPtr e = s.pop().expr;
    if (s.rule.when) {
      s.rule.repeated_clauses.emplace_back("when", s.span(s.offset(in.begin()), s.offset(in.end())));
    } else {
      s.rule.when = std::move(e);
    }
  }
};
template <> struct Action<g::assert_item> {
  template <typename Input> static void apply(const Input& in, ParseState& s) {
    uint32_t b = first(in, s);
    Assert a;
    a.span = s.span(b, last(in, s));
    if (s.operands_from(b) == 2) a.message = s.pop().expr;
    a.expr = s.pop().expr;
    s.rule.asserts.push_back(std::move(a));
  }
};
template <> struct Action<g::rule_decl> {
  template <typename Input> static void apply(const Input& in, ParseState& s) {
    s.rule.span = s.span(first(in, s), last(in, s));
    s.rule.doc = doc_comment_above(s.at(0), s.at(s.rule.span.begin));
    s.module->rules.push_back(std::move(s.rule));
    s.rule = RuleDecl{};
  }
};

template <> struct Action<g::def_name> {
  template <typename Input> static void apply(const Input& in, ParseState& s) {
    s.def = DefDecl{};
    s.def.name = in.string();
    s.def.name_span = s.span(s.offset(in.begin()), s.offset(in.end()));
  }
};
template <> struct Action<g::param> {
  template <typename Input> static void apply(const Input& in, ParseState& s) {
    s.def.params.push_back({in.string(), s.span(s.offset(in.begin()), s.offset(in.end()))});
  }
};
template <> struct Action<g::def_decl> {
  template <typename Input> static void apply(const Input& in, ParseState& s) {
    s.def.body = s.pop().expr;
    s.def.span = s.span(first(in, s), last(in, s));
    s.module->defs.push_back(std::move(s.def));
    s.def = DefDecl{};
  }
};

template <> struct Action<g::package_path> {
  template <typename Input> static void apply(const Input& in, ParseState& s) {
    s.path = in.string();
    s.alias.clear();
  }
};
template <> struct Action<g::import_alias> {
  template <typename Input> static void apply(const Input& in, ParseState& s) { s.alias = in.string(); }
};
template <> struct Action<g::package_decl> {
  template <typename Input> static void apply(const Input& in, ParseState& s) {
    s.module->package = s.path;
    s.module->package_span = s.span(first(in, s), last(in, s));
  }
};
template <> struct Action<g::import_decl> {
  template <typename Input> static void apply(const Input& in, ParseState& s) {
    Import imp;
    imp.package = s.path;
    imp.alias = !s.alias.empty() ? s.alias : s.path.substr(s.path.rfind('.') + 1);
    imp.span = s.span(first(in, s), last(in, s));
    s.module->imports.push_back(std::move(imp));
  }
};

// clang-format on

}  // namespace edict::lang::internal
