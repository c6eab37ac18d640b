// Parser entry points: the encoding check, item-by-item parsing with error recovery, standalone
// expressions, REPL input. The grammar is grammar/grammar.h; the actions lang/internal/actions.h.
#include "lang/parser.h"

#include <algorithm>
#include <cctype>

#include "lang/internal/actions.h"

namespace edict::lang {

namespace {

namespace g = edict::grammar;
namespace pegtl = tao::pegtl;
using internal::ParseFailure;
using internal::ParseState;
using Input = pegtl::memory_input<pegtl::tracking_mode::lazy, pegtl::eol::lf_crlf>;

// Matches Rule at [b, e) and returns where it stopped; syntax errors throw ParseFailure.
template <typename Rule>
const char* run(ParseState& s, const char* b, const char* e) {
  Input in(b, e, "");
  if (!pegtl::parse<Rule, internal::Action, internal::Control>(in, s)) {
    const char* at = internal::skip_gap(b, e);
    s.fail(Code::SyntaxError, s.offset(at), s.offset(at), "syntax error");
  }
  return in.current();
}

void report(DiagnosticSink& sink, const ParseState& s, const ParseFailure& f) {
  sink.report(f.code, s.span(f.begin, f.end), f.message);
}

// Where parsing starts (after a UTF-8 byte order mark), or nullptr after reporting E0104 when the
// file is not UTF-8 text. Checked up front so no later stage sees a NUL or a broken sequence.
const char* text_start(const SourceFile& f, uint32_t file, DiagnosticSink& sink) {
  std::string why;
  size_t bad = internal::find_bad_byte(f.text(), why);
  if (bad != std::string_view::npos) {
    auto at = static_cast<uint32_t>(bad);
    sink.report(Code::BadEncoding, {file, at, at + 1}, why);
    return nullptr;
  }
  const char* b = f.text().data();
  return f.text().rfind("\xEF\xBB\xBF", 0) == 0 ? b + 3 : b;
}

// grammar::file, one item at a time: the header, then rules and defs. After an error, skips to the next line
// that starts with `rule` or `def`, so each broken item yields its own diagnostic.
void parse_items(ParseState& s, const char* p, const char* end, DiagnosticSink& sink) {
  const char* text = s.at(0);
  auto recover = [&](const ParseFailure& f, const char* item) {
    report(sink, s, f);
    s.reset();
    const char* next = internal::next_item_line(text, std::max(item, s.at(f.begin)), end);
    // Always make progress, even if the error was reported at the item's own first token.
    return next > item ? next : internal::next_item_line(text, std::min(internal::skip_gap(item, end) + 1, end), end);
  };
  try {
    p = run<g::file_header>(s, p, end);
  } catch (const ParseFailure& f) {
    p = recover(f, p);
  }
  while ((p = internal::skip_gap(p, end)) < end) {
    try {
      p = run<g::next_item>(s, p, end);
    } catch (const ParseFailure& f) {
      p = recover(f, p);
    }
  }
}

// The expression of [b, e), or nullptr after reporting why it is not one.
ExprPtr parse_whole_expression(ParseState& s, const char* b, const char* e, DiagnosticSink& sink) {
  try {
    run<g::expression>(s, b, e);
    return s.pop().expr;
  } catch (const ParseFailure& f) {
    report(sink, s, f);
    return nullptr;
  }
}

}  // namespace

void internal::parse_embedded(ParseState& s, const char* b, const char* e) { run<g::expression>(s, b, e); }

Module parse_module(const SourceManager& sources, uint32_t file, DiagnosticSink& sink) {
  Module m;
  m.file = file;
  const SourceFile& f = sources.file(file);
  const char* b = text_start(f, file, sink);
  if (!b) return m;
  size_t errors_before = sink.error_count();
  ParseState s(f.text(), file, &m);
  parse_items(s, b, f.text().data() + f.text().size(), sink);
  if (m.rules.empty() && m.defs.empty() && sink.error_count() == errors_before) {
    sink.report(Code::EmptyFile, {file, 0, 0}, "the file defines no rules and no functions (def)");
  }
  return m;
}

ExprPtr parse_expression(const SourceManager& sources, uint32_t file, DiagnosticSink& sink) {
  const SourceFile& f = sources.file(file);
  const char* b = text_start(f, file, sink);
  if (!b) return nullptr;
  Module unused;
  ParseState s(f.text(), file, &unused);
  return parse_whole_expression(s, b, f.text().data() + f.text().size(), sink);
}

ReplInput parse_repl_input(const SourceManager& sources, uint32_t file, DiagnosticSink& sink) {
  ReplInput out;
  const SourceFile& f = sources.file(file);
  const char* b = text_start(f, file, sink);
  if (!b) return out;
  const char* end = f.text().data() + f.text().size();
  const char* p = internal::skip_gap(b, end);
  const char* w = p;
  while (w < end && (std::isalnum(static_cast<unsigned char>(*w)) || *w == '_')) ++w;
  std::string_view first(p, static_cast<size_t>(w - p));
  if (first == "rule" || first == "def" || first == "package" || first == "import") {
    Module m;
    m.file = file;
    ParseState s(f.text(), file, &m);
    parse_items(s, b, end, sink);
    out.module = std::move(m);
  } else {
    Module unused;
    ParseState s(f.text(), file, &unused);
    out.expr = parse_whole_expression(s, b, end, sink);
  }
  return out;
}

bool needs_more_input(std::string_view text) {
  int depth = 0;
  const char* p = text.data();
  const char* end = p + text.size();
  const char* last = nullptr;  // start of the last significant token
  const char* last_end = nullptr;
  while ((p = internal::skip_gap(p, end)) < end) {
    last = p;
    char c = *p;
    if (c == '"' || c == '\'') {
      for (++p; p < end && *p != c; ++p) {
        if (*p == '\n' || *p == '\r') return false;  // broken string: let the parser report it
        if (c == '"' && *p == '\\') ++p;
      }
      if (p >= end) return true;
      ++p;
    } else if (c == '(' || c == '[' || c == '{') {
      ++depth;
      ++p;
    } else if (c == ')' || c == ']' || c == '}') {
      if (--depth < 0) return false;
      ++p;
    } else if (std::isalnum(static_cast<unsigned char>(c)) || c == '_') {
      while (p < end && (std::isalnum(static_cast<unsigned char>(*p)) || *p == '_')) ++p;
    } else {
      ++p;
    }
    last_end = p;
  }
  if (depth > 0) return true;
  if (!last) return false;
  // A trailing binary operator or keyword that needs an operand after it.
  std::string_view tail(last, static_cast<size_t>(last_end - last));
  static constexpr std::string_view kOpenEnded[] = {"and",    "or", "not", "in", "then", "else", "if",
                                                    "refers", "=",  ",",   ":",  "+",    "-",    "*",
                                                    "/",      "%",  "?",   "<",  ">",    "!",    "."};
  for (std::string_view k : kOpenEnded) {
    if (tail == k) return true;
  }
  return false;
}

}  // namespace edict::lang
