// Message templates: splits "text {expr} text" into String parts and expressions parsed at their
// true file offsets, so spans (and diagnostics) inside a template point at the right bytes.
#include "lang/internal/parse_state.h"

namespace edict::lang::internal {

namespace {

// The `}` matching the `{` at open, or nullptr. Raw strings inside may hold braces; a
// double-quoted string cannot occur (its quote would end the template).
const char* matching_brace(const char* open, const char* end) {
  int depth = 0;
  for (const char* p = open; p < end; ++p) {
    if (*p == '\'') {
      ++p;
      while (p < end && *p != '\'') ++p;
      if (p == end) return nullptr;
    } else if (*p == '{') {
      ++depth;
    } else if (*p == '}' && --depth == 0) {
      return p;
    }
  }
  return nullptr;
}

bool blank(const char* b, const char* e) {
  for (const char* p = b; p < e; ++p) {
    if (*p != ' ' && *p != '\t') return false;
  }
  return true;
}

}  // namespace

void push_template(ParseState& s, const char* open, const char* end) {
  const char* body_end = end - 1;  // the closing quote
  size_t parts = 0;
  std::string text;
  const char* part = open + 1;
  auto flush = [&](const char* stop) {
    ExprPtr e = s.node(ExprKind::String, s.offset(part), s.offset(stop));
    e->text = std::move(text);
    text.clear();
    s.push(std::move(e));
    ++parts;
  };
  const char* p = open + 1;
  while (p < body_end) {
    const char* run = p;
    while (p < body_end && *p != '{' && *p != '}') p += (*p == '\\') ? 2 : 1;
    text += decode_string(s, run, p);
    if (p >= body_end) break;
    if (p + 1 < body_end && p[1] == *p) {  // `{{` or `}}`
      text += *p;
      p += 2;
    } else if (*p == '}') {  // a lone `}` is literal too
      text += '}';
      ++p;
    } else {
      const char* close = matching_brace(p, body_end);
      if (!close) {
        s.fail(Code::BadTemplate, s.offset(p), s.offset(body_end),
               "unclosed '{' in message template (write '{{' for a literal brace)");
      }
      if (blank(p + 1, close)) {
        s.fail(Code::BadTemplate, s.offset(p), s.offset(close + 1),
               "empty '{}' in message template: put an expression inside, or write '{{}}' for literal braces");
      }
      flush(p);
      parse_embedded(s, p + 1, close);
      ++parts;
      p = close + 1;
      part = p;
    }
  }
  flush(body_end);
  s.reduce(s.node(ExprKind::Template, s.offset(open), s.offset(end)), parts);
}

}  // namespace edict::lang::internal
