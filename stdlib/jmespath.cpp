// A Pratt parser and evaluator for the JMESPath subset of stdlib/jmespath.h. Binding powers and
// projection rules follow the JMESPath specification: `[*]`, `[?]` and `.*` project the rest of
// the chain over each element (dropping nulls), `[]` flattens what the projection before it made.
#include "stdlib/jmespath.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "stdlib/internal/jmespath_node.h"

namespace edict::stdlib::jmespath {

namespace {

struct Token {
  std::string kind;  // "id", "quoted", "raw", "lit", "num", "eof" or the punctuation itself
  std::string text;
  size_t pos = 0;
};

bool id_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool id_char(char c) { return id_start(c) || (c >= '0' && c <= '9'); }

bool lex(std::string_view s, std::vector<Token>& out, std::string& error) {
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    size_t start = i;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
      continue;
    }
    if (id_start(c)) {
      while (i < s.size() && id_char(s[i])) ++i;
      out.push_back({"id", std::string(s.substr(start, i - start)), start});
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      ++i;
      while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
      if (s.substr(start, i - start) == "-") return error = "expected a digit after '-' at " + std::to_string(start), false;
      out.push_back({"num", std::string(s.substr(start, i - start)), start});
    } else if (c == '"' || c == '\'' || c == '`') {
      ++i;
      std::string body;
      while (i < s.size() && s[i] != c) {
        if (s[i] == '\\' && i + 1 < s.size()) {
          if (c == '"' || s[i + 1] != c) body += s[i];
          ++i;
        }
        body += s[i++];
      }
      if (i >= s.size()) return error = std::string("unclosed ") + c + " at " + std::to_string(start), false;
      ++i;
      if (c == '"') {
        auto parsed = nlohmann::json::parse("\"" + body + "\"", nullptr, false);
        if (parsed.is_discarded()) return error = "bad quoted identifier at " + std::to_string(start), false;
        out.push_back({"quoted", parsed.get<std::string>(), start});
      } else {
        out.push_back({c == '\'' ? "raw" : "lit", body, start});
      }
    } else {
      static const char* const two[] = {"||", "&&", "==", "!=", "<=", ">=", "[?", "[]"};
      std::string op(1, c);
      for (const char* t : two) {
        if (s.substr(i, 2) == t) op = t;
      }
      if (op.size() == 1 && std::string_view(".*[](),:|&!<>@{}").find(c) == std::string_view::npos) {
        return error = std::string("unexpected character '") + c + "' at " + std::to_string(i), false;
      }
      i += op.size();
      out.push_back({op, op, start});
    }
  }
  out.push_back({"eof", "", s.size()});
  return true;
}

int lbp(const std::string& k) {
  static const std::unordered_map<std::string, int> table = {
      {"|", 1}, {"||", 2}, {"&&", 3}, {"==", 5}, {"!=", 5}, {"<", 5}, {"<=", 5}, {">", 5}, {">=", 5},
      {"[]", 9}, {"*", 20}, {"[?", 21}, {".", 40}, {"!", 45}, {"{", 50}, {"[", 55}, {"(", 60}};
  auto it = table.find(k);
  return it == table.end() ? 0 : it->second;
}

NodePtr make(NodeKind k, std::vector<NodePtr> kids = {}, std::string text = {}) {
  auto n = std::make_shared<Node>();
  n->kind = k;
  n->kids = std::move(kids);
  n->text = std::move(text);
  return n;
}

Value from_json(Arena& arena, const nlohmann::json& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::boolean: return Value::boolean(j.get<bool>());
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
    case nlohmann::json::value_t::number_float: return Value::number(j.get<double>());
    case nlohmann::json::value_t::string: return Value::string(arena, j.get<std::string>());
    case nlohmann::json::value_t::array: {
      std::vector<Value> items;
      for (const auto& e : j) items.push_back(from_json(arena, e));
      return Value::list(arena, items);
    }
    case nlohmann::json::value_t::object: {
      std::vector<Member> members;
      for (auto it = j.begin(); it != j.end(); ++it) members.push_back({intern(it.key()), from_json(arena, it.value())});
      return Value::object(arena, members);
    }
    default: return Value::null();
  }
}

class Parser {
 public:
  explicit Parser(std::vector<Token> t) : toks_(std::move(t)) {}

  NodePtr run(std::string& error) {
    NodePtr n = expression(0);
    if (n && peek().kind != "eof") fail("unexpected '" + peek().text + "'");
    if (!error_.empty()) {
      error = error_;
      return nullptr;
    }
    return n;
  }

 private:
  const Token& peek(size_t ahead = 0) const { return toks_[std::min(pos_ + ahead, toks_.size() - 1)]; }
  Token next() { return toks_[std::min(pos_++, toks_.size() - 1)]; }
  NodePtr fail(const std::string& what) {
    if (error_.empty()) error_ = what + " at " + std::to_string(peek().pos);
    pos_ = toks_.size() - 1;
    return nullptr;
  }
  bool expect(const std::string& k) {
    if (peek().kind != k) {
      fail("expected '" + k + "'");
      return false;
    }
    ++pos_;
    return true;
  }

  NodePtr expression(int rbp) {
    if (++depth_ > 64) return fail("expression nested too deeply");
    NodePtr left = nud(next());
    while (left && error_.empty() && rbp < lbp(peek().kind)) left = led(next(), left);
    --depth_;
    return error_.empty() ? left : nullptr;
  }

  NodePtr literal(const nlohmann::json& j) {
    auto n = std::make_shared<Node>();
    n->kind = NodeKind::Literal;
    n->literal_arena = std::make_shared<Arena>();
    n->literal = from_json(*n->literal_arena, j);
    return n;
  }

  NodePtr nud(const Token& t) {
    if (t.kind == "id" || t.kind == "quoted") return make(NodeKind::Field, {}, t.text);
    if (t.kind == "@") return make(NodeKind::Identity);
    if (t.kind == "raw") return literal(nlohmann::json(t.text));
    if (t.kind == "lit") {
      nlohmann::json j = nlohmann::json::parse(t.text, nullptr, false);
      if (j.is_discarded()) return fail("bad JSON literal");
      return literal(j);
    }
    if (t.kind == "*") return make(NodeKind::ValueProjection, {make(NodeKind::Identity), rhs(20)});
    if (t.kind == "[]") return make(NodeKind::Projection, {make(NodeKind::Flatten, {make(NodeKind::Identity)}), rhs(9)});
    if (t.kind == "[?") return filter(make(NodeKind::Identity));
    if (t.kind == "[") return bracket(make(NodeKind::Identity));
    if (t.kind == "!") return make(NodeKind::Not, {expression(45)});
    if (t.kind == "(") {
      NodePtr inner = expression(0);
      return expect(")") ? inner : nullptr;
    }
    if (t.kind == "{" ) return fail("multi-select hashes are not supported");
    if (t.kind == "&") return fail("expression references (&) are not supported");
    if (t.kind == "eof") return fail("unexpected end of expression");
    return fail("unexpected '" + t.text + "'");
  }

  NodePtr led(const Token& t, NodePtr left) {
    if (t.kind == ".") {
      if (peek().kind == "*") {
        next();
        return make(NodeKind::ValueProjection, {left, rhs(20)});
      }
      return make(NodeKind::Subexpr, {left, dot_rhs()});
    }
    if (t.kind == "|") return make(NodeKind::Pipe, {left, expression(1)});
    if (t.kind == "||") return make(NodeKind::Or, {left, expression(2)});
    if (t.kind == "&&") return make(NodeKind::And, {left, expression(3)});
    if (lbp(t.kind) == 5) return make(NodeKind::Compare, {left, expression(5)}, t.kind);
    if (t.kind == "[]") return make(NodeKind::Projection, {make(NodeKind::Flatten, {left}), rhs(9)});
    if (t.kind == "[?") return filter(left);
    if (t.kind == "[") return bracket(left);
    if (t.kind == "(") {
      if (left->kind != NodeKind::Field) return fail("only a function name can be called");
      std::vector<NodePtr> args;
      while (peek().kind != ")" && error_.empty()) {
        args.push_back(expression(0));
        if (peek().kind == ",") next();
        else if (peek().kind != ")") return fail("expected ',' or ')'");
      }
      if (!expect(")")) return nullptr;
      static const std::vector<std::string> known = {"length", "contains", "starts_with", "ends_with", "keys",
                                                     "values", "not_null", "type", "to_string", "to_number",
                                                     "join", "max", "min", "sum", "abs"};
      if (std::find(known.begin(), known.end(), left->text) == known.end()) {
        return fail("unknown or unsupported function '" + left->text + "'");
      }
      return make(NodeKind::Function, std::move(args), left->text);
    }
    return fail("unexpected '" + t.text + "'");
  }

  // After `[`: an index, or `*]`. Slices and multi-select lists are refused.
  NodePtr bracket(NodePtr left) {
    if (peek().kind == "num" && peek(1).kind == "]") {
      auto n = std::make_shared<Node>();
      n->kind = NodeKind::Index;
      n->kids.push_back(left);
      const std::string digits = next().text;
      if (digits.size() > 12) return fail("index out of range");
      n->index = std::stoll(digits);
      next();
      return n;
    }
    if (peek().kind == "*" && peek(1).kind == "]") {
      next();
      next();
      return make(NodeKind::Projection, {left, rhs(20)});
    }
    if (peek().kind == "num" || peek().kind == ":") return fail("slices are not supported");
    return fail("multi-select lists are not supported");
  }

  NodePtr filter(NodePtr left) {
    NodePtr cond = expression(0);
    if (!expect("]")) return nullptr;
    return make(NodeKind::Filter, {left, rhs(21), cond});
  }

  NodePtr dot_rhs() {
    const Token& t = peek();
    if (t.kind == "id" || t.kind == "quoted") return make(NodeKind::Field, {}, next().text);
    return fail("expected a field name after '.'");
  }

  // What a projection applies to each element: up to the first token that stops it.
  NodePtr rhs(int bp) {
    const std::string& k = peek().kind;
    if (lbp(k) < 10) return make(NodeKind::Identity);
    if (k == "[" || k == "[?") return expression(bp);
    if (k == ".") {
      next();
      if (peek().kind == "*") {
        next();
        return make(NodeKind::ValueProjection, {make(NodeKind::Identity), rhs(20)});
      }
      NodePtr first = dot_rhs();
      while (first && error_.empty() && bp < lbp(peek().kind)) first = led(next(), first);
      return first;
    }
    return fail("unexpected '" + peek().text + "' after a projection");
  }

  std::vector<Token> toks_;
  size_t pos_ = 0;
  int depth_ = 0;
  std::string error_;
};

}  // namespace

bool truthy(const Value& v) {
  switch (v.kind()) {
    case Kind::Null: return false;
    case Kind::Bool: return v.as_bool();
    case Kind::String:
    case Kind::List:
    case Kind::Object: return v.size() > 0;
    default: return true;
  }
}

// Custodian keys are short; a longer one is refused so that no chain of fields (`a.a.a...`,
// which the parser builds without nesting) makes evaluation recurse without bound.
constexpr size_t kMaxExpression = 1024;

NodePtr parse(std::string_view text, std::string& error) {
  if (text.size() > kMaxExpression) {
    error = "the expression is longer than " + std::to_string(kMaxExpression) + " characters";
    return nullptr;
  }
  std::vector<Token> toks;
  if (!lex(text, toks, error)) return nullptr;
  return Parser(std::move(toks)).run(error);
}

NodePtr parse_cached(std::string_view text, std::string& error) {
  thread_local std::unordered_map<std::string, std::pair<NodePtr, std::string>> cache;
  auto it = cache.find(std::string(text));
  if (it == cache.end()) {
    if (cache.size() > 4096) cache.clear();
    std::string err;
    NodePtr n = parse(text, err);
    it = cache.emplace(std::string(text), std::make_pair(n, err)).first;
  }
  error = it->second.second;
  return it->second.first;
}

}  // namespace edict::stdlib::jmespath
