// The state the parser actions (lang/internal/actions.h) build the AST in, and the lexical helpers
// they share. Internal to lang/: made by parser.cpp for one file, read by nobody else.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lang/ast.h"
#include "lang/diagnostics.h"

namespace edict::lang::internal {

// Brackets and chained prefix operators may nest this deep; deeper is E0105.
inline constexpr size_t kMaxNesting = 256;
// No expression tree may be deeper than this, so later recursive passes cannot overflow the stack.
inline constexpr uint32_t kMaxAstDepth = 1000;

// A syntax error, thrown from actions and control hooks and caught once per top-level item.
struct ParseFailure {
  Code code = Code::SyntaxError;
  uint32_t begin = 0;
  uint32_t end = 0;
  std::string message;
};

// An expression on the operand stack. [begin, end) is its text including any parentheses around
// it (so `(a + b) * c` starts at the paren), while expr->span is the node's own text.
struct Operand {
  ExprPtr expr;
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t depth = 1;               // height of the tree, bounded by kMaxAstDepth
  bool open_comprehension = false;  // made by comp_tail; the enclosing bracket sets its span
};

// A name or string waiting for the item that uses it (bindings, params, metadata, object keys).
struct Token {
  std::string text;
  uint32_t begin = 0;
  uint32_t end = 0;
};

// Invariant: each stack holds, above what was there when a grammar rule started, exactly the
// items pushed while that rule matched; those are the entries whose begin is at or after the
// rule's first token, since everything pushed earlier ends (and so begins) before it.
class ParseState {
 public:
  ParseState(std::string_view text, uint32_t file, Module* module)
      : module(module), base_(text.data()), end_(text.data() + text.size()), file_(file) {}

  uint32_t offset(const char* p) const { return static_cast<uint32_t>(p - base_); }
  const char* at(uint32_t offset) const { return base_ + offset; }
  const char* text_end() const { return end_; }
  Span span(uint32_t begin, uint32_t end) const { return {file_, begin, end}; }
  uint32_t file() const { return file_; }

  ExprPtr node(ExprKind kind, uint32_t begin, uint32_t end) const;
  void push(ExprPtr e, uint32_t depth = 1);
  Operand pop();
  // How many operands (or tokens) on top of the stack begin at or after `begin`.
  size_t operands_from(uint32_t begin) const;
  static size_t tokens_from(const std::vector<Token>& stack, uint32_t begin);
  // Moves the top `n` operands into `e->kids` (in order) and pushes `e`, checking tree depth.
  void reduce(ExprPtr e, size_t n);
  // Drops everything left from a failed item.
  void reset();

  [[noreturn]] void fail(Code code, uint32_t begin, uint32_t end, std::string message) const;

  std::vector<Operand> operands;
  std::vector<Op> ops;              // binary operators whose right operand is being parsed
  std::vector<Token> bindings;      // quantifier / comprehension variables
  std::vector<Token> values;        // metadata values and object keys
  size_t nesting = 0;               // current bracket / prefix nesting, bounded by kMaxNesting
  const char* quote_at = nullptr;   // opening quote of the string being read (for E0102)
  const char* escape_at = nullptr;  // backslash of the escape being read (for E0103)
  const char* number_at = nullptr;  // first digit of the number being read (for E0107)
  std::string path;                 // the last package path read
  std::string alias;                // the last import alias read
  RuleDecl rule;                    // the rule being read
  DefDecl def;                      // the function being read
  Module* module;

 private:
  const char* base_;
  const char* end_;
  uint32_t file_;
};

// Skips whitespace and comments (exactly what grammar::sep matches) from p, stopping at end.
const char* skip_gap(const char* p, const char* end);
// The value of a double-quoted string body [b, e) (without quotes), escapes decoded.
// The grammar has checked the escapes' shape; a lone \u surrogate fails with E0103.
std::string decode_string(const ParseState& s, const char* b, const char* e);
// Appends code point cp to out as UTF-8.
void append_utf8(std::string& out, uint32_t cp);
// Offset of the first byte that is not UTF-8 text (or is NUL), or npos; fills `why`.
size_t find_bad_byte(std::string_view text, std::string& why);
// Where to resume after an error at `at`: the next line that begins (after blanks) with `rule `
// or `def `, or end. `text` is the start of the file.
const char* next_item_line(const char* text, const char* at, const char* end);
// The doc comment of the item whose first token is at `at`: the contiguous lines directly above
// it that begin (after blanks) with `#`, without the `#` and one space after it, joined by '\n'.
// Empty when `at` is not the first token on its line or the line above is not a `#` comment.
std::string doc_comment_above(const char* text, const char* at);
// A short description of the token at p for "found ..." in messages.
std::string describe_token(const char* p, const char* end);

// Pushes a Template for the message string [open, end) (quotes included): kids alternate String
// parts and the `{expr}` parts, which parse_embedded parses in place (defined in template.cpp).
void push_template(ParseState& s, const char* open, const char* end);
// Parses [b, e) as one expression and pushes it (defined in parser.cpp, where the actions are).
void parse_embedded(ParseState& s, const char* b, const char* e);

}  // namespace edict::lang::internal
