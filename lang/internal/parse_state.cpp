// ParseState's stack operations and the byte-level helpers of the parser: gaps, string decoding,
// UTF-8 validation, error-recovery line search.
#include "lang/internal/parse_state.h"

#include <algorithm>
#include <cstdio>

namespace edict::lang::internal {

ExprPtr ParseState::node(ExprKind kind, uint32_t begin, uint32_t end) const {
  auto e = std::make_unique<Expr>();
  e->kind = kind;
  e->id = next_expr_id();
  e->span = span(begin, end);
  return e;
}

void ParseState::push(ExprPtr e, uint32_t depth) {
  Operand o;
  o.begin = e->span.begin;
  o.end = e->span.end;
  o.depth = depth;
  o.expr = std::move(e);
  operands.push_back(std::move(o));
}

Operand ParseState::pop() {
  Operand o = std::move(operands.back());
  operands.pop_back();
  return o;
}

size_t ParseState::operands_from(uint32_t begin) const {
  size_t n = 0;
  for (auto it = operands.rbegin(); it != operands.rend() && it->begin >= begin; ++it) ++n;
  return n;
}

size_t ParseState::tokens_from(const std::vector<Token>& stack, uint32_t begin) {
  size_t n = 0;
  for (auto it = stack.rbegin(); it != stack.rend() && it->begin >= begin; ++it) ++n;
  return n;
}

void ParseState::reduce(ExprPtr e, size_t n) {
  uint32_t depth = 0;
  for (size_t i = operands.size() - n; i < operands.size(); ++i) {
    depth = std::max(depth, operands[i].depth);
    e->kids.push_back(std::move(operands[i].expr));
  }
  operands.resize(operands.size() - n);
  if (depth + 1 > kMaxAstDepth) {
    // Point at the end of the node that got too deep: where the chain crossed the limit.
    fail(Code::TooDeep, e->span.end - 1, e->span.end,
         "expression is nested too deeply (more than " + std::to_string(kMaxAstDepth) +
             " levels); split it with a def or a shorter chain");
  }
  push(std::move(e), depth + 1);
}

void ParseState::reset() {
  operands.clear();
  ops.clear();
  bindings.clear();
  values.clear();
  nesting = 0;
  rule = RuleDecl{};
  def = DefDecl{};
}

void ParseState::fail(Code code, uint32_t begin, uint32_t end, std::string message) const {
  throw ParseFailure{code, begin, end, std::move(message)};
}

const char* skip_gap(const char* p, const char* end) {
  while (p < end) {
    char c = *p;
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\v' || c == '\f') {
      ++p;
    } else if (c == '#' || (c == '/' && p + 1 < end && p[1] == '/')) {
      while (p < end && *p != '\n') ++p;
    } else {
      break;
    }
  }
  return p;
}

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

namespace {
uint32_t hex4(const char* p) {
  uint32_t v = 0;
  for (int i = 0; i < 4; ++i) {
    char c = p[i];
    v = v * 16 + static_cast<uint32_t>(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
  }
  return v;
}
}  // namespace

std::string decode_string(const ParseState& s, const char* b, const char* e) {
  std::string out;
  out.reserve(static_cast<size_t>(e - b));
  for (const char* p = b; p < e;) {
    if (*p != '\\') {
      out += *p++;
      continue;
    }
    const char* esc = p;
    char c = p[1];
    p += 2;
    switch (c) {
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'u': {
        uint32_t cp = hex4(p);
        p += 4;
        if (cp >= 0xD800 && cp <= 0xDBFF && e - p >= 6 && p[0] == '\\' && p[1] == 'u') {
          uint32_t lo = hex4(p + 2);
          if (lo >= 0xDC00 && lo <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            p += 6;
          }
        }
        if (cp >= 0xD800 && cp <= 0xDFFF) {
          s.fail(Code::BadEscape, s.offset(esc), s.offset(esc + 6), "invalid escape: \\u surrogate without its pair");
        }
        append_utf8(out, cp);
        break;
      }
      default: out += c; break;  // " \ /
    }
  }
  return out;
}

size_t find_bad_byte(std::string_view text, std::string& why) {
  auto bad = [&](size_t i, const char* what) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s 0x%02X", what, static_cast<unsigned char>(text[i]));
    why = buf;
    return i;
  };
  const auto* u = reinterpret_cast<const unsigned char*>(text.data());
  size_t n = text.size();
  for (size_t i = 0; i < n;) {
    unsigned char c = u[i];
    if (c >= 0x01 && c < 0x80) {
      ++i;
      continue;
    }
    if (c == 0) {
      why = "the file contains a NUL byte; it looks like binary data, not rule source";
      return i;
    }
    size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // bounds of the first continuation byte
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;  // no UTF-16 surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;  // nothing past U+10FFFF
    } else {
      return bad(i, "the file is not UTF-8 text: invalid byte");
    }
    for (size_t k = 1; k < len; ++k) {
      if (i + k >= n) return bad(i, "the file is not UTF-8 text: truncated sequence at byte");
      unsigned char cc = u[i + k];
      unsigned char l = k == 1 ? lo : 0x80, h = k == 1 ? hi : 0xBF;
      // Name the byte that starts the broken sequence (a Latin-1 'é' is 0xE9, not what follows).
      if (cc < l || cc > h) return bad(i, "the file is not UTF-8 text: invalid byte");
    }
    i += len;
  }
  return std::string_view::npos;
}

const char* next_item_line(const char* text, const char* at, const char* end) {
  auto item_start = [&](const char* q) {
    while (q < end && (*q == ' ' || *q == '\t')) ++q;
    for (std::string_view kw : {std::string_view("rule"), std::string_view("def")}) {
      if (static_cast<size_t>(end - q) > kw.size() && std::string_view(q, kw.size()) == kw &&
          (q[kw.size()] == ' ' || q[kw.size()] == '\t')) {
        return q;
      }
    }
    return static_cast<const char*>(nullptr);
  };
  // The line holding `at` counts when `at` is at or before its first token: an item whose error
  // is reported at a `rule` on the next line must not lose that rule.
  const char* line = at;
  while (line > text && line[-1] != '\n') --line;
  if (const char* q = item_start(line); q && q >= at) return line;
  for (const char* p = at; p < end;) {
    while (p < end && *p != '\n') ++p;  // to the end of this line
    if (p == end) break;
    ++p;
    if (item_start(p)) return p;
  }
  return end;
}

std::string doc_comment_above(const char* text, const char* at) {
  const char* line = at;
  while (line > text && line[-1] != '\n') --line;
  for (const char* q = line; q < at; ++q) {
    if (*q != ' ' && *q != '\t') return {};  // something precedes the item on its line
  }
  std::vector<std::string_view> lines;  // bottom up
  while (line > text) {
    const char* end = line - 1;  // the '\n' ending the line above
    const char* begin = end;
    while (begin > text && begin[-1] != '\n') --begin;
    const char* q = begin;
    while (q < end && (*q == ' ' || *q == '\t')) ++q;
    if (q == end || *q != '#') break;
    ++q;
    if (q < end && *q == ' ') ++q;
    const char* e = end;
    while (e > q && (e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t')) --e;
    lines.emplace_back(q, static_cast<size_t>(e - q));
    line = begin;
  }
  std::string out;
  for (auto it = lines.rbegin(); it != lines.rend(); ++it) {
    if (!out.empty()) out += '\n';
    out += *it;
  }
  return out;
}

std::string describe_token(const char* p, const char* end) {
  if (p >= end) return "end of file";
  auto word_char = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  };
  if (*p == '\n' || *p == '\r') return "end of line";
  const char* q = p;
  if (word_char(*q)) {
    while (q < end && word_char(*q) && q - p < 40) ++q;
  } else {
    ++q;
    while (q < end && (static_cast<unsigned char>(*q) & 0xC0) == 0x80) ++q;  // rest of a UTF-8 character
  }
  return "'" + std::string(p, q) + "'";
}

}  // namespace edict::lang::internal
