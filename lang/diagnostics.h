// Diagnostics are values {severity, code, span, message, notes} collected in a DiagnosticSink,
// never thrown. Codes are stable (tests match them exactly) and listed once in EDICT_DIAGNOSTICS.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "lang/source.h"

namespace edict::lang {

// X(code, name, default severity, one-line meaning). docs/errors.md documents each one.
#define EDICT_DIAGNOSTICS(X)                                                                     \
  X(E0101, SyntaxError, Error, "the source does not match the grammar")                         \
  X(E0102, UnterminatedString, Error, "a string literal is not closed before the end of line")  \
  X(E0103, BadEscape, Error, "a string contains an unknown escape sequence")                    \
  X(E0104, BadEncoding, Error, "the file is not UTF-8 text (binary data or a NUL byte)")        \
  X(E0105, TooDeep, Error, "expressions or brackets are nested too deeply")                     \
  X(E0106, EmptyFile, Error, "the file defines no rules and no functions")                      \
  X(E0107, BadNumber, Error, "a number literal is malformed or out of range")                   \
  X(E0108, DuplicateField, Error, "a rule sets the same metadata field twice")                  \
  X(E0109, MissingField, Error, "a rule lacks a required clause (`on` or `assert`)")           \
  X(E0110, BadTemplate, Error, "a message template has an unclosed or empty `{...}`")          \
  X(E0201, UnknownName, Error, "a name does not resolve to a variable, function or builtin")    \
  X(E0202, DuplicateRule, Error, "two rules have the same id")                                  \
  X(E0203, DuplicateDef, Error, "a function is defined twice in one package")                   \
  X(E0204, UnknownPackage, Error, "an import names a package that no file declares")            \
  X(E0205, RecursiveDef, Error, "a function calls itself, directly or through others")          \
  X(E0206, UnknownMeta, Error, "an `@field` is not a resource metadata field")                  \
  X(E0207, DuplicateParam, Error, "a function or quantifier binds the same name twice")         \
  X(E0208, UnknownType, Warning, "a resource type is not one edict knows")                      \
  X(E0209, NotCallable, Error, "something that is not a function is called")                    \
  X(E0301, Arity, Error, "a function is called with the wrong number of arguments")             \
  X(E0302, TypeMismatch, Error, "an operand or argument has a type the operation cannot take")  \
  X(E0303, BadRegex, Error, "a regular expression does not compile")                            \
  X(E0304, UnknownSeverity, Error, "a severity is not one of info, low, medium, high, critical") \
  X(E0305, ConstantAssert, Warning, "an assert is always true or always false")                 \
  X(E0306, ConstantGuard, Warning, "a `when` guard is always false, so the rule never applies")  \
  X(E0307, BadRefers, Error, "the left side of `refers` is not an attribute of a resource")     \
  X(E0308, BadLiteral, Error, "a literal argument is invalid (CIDR, glob, duration, ...)")      \
  X(E0309, ExpensiveRule, Warning, "a rule's estimated cost per resource is above the limit")    \
  X(E0401, IoError, Error, "a rule file cannot be read")                                        \
  X(E0501, PolicyYaml, Error, "a policy file is not YAML Custodian would load (syntax, tabs, keys, size)") \
  X(E0502, PolicyShape, Error, "a policy file or policy lacks the shape Custodian requires")      \
  X(E0503, DuplicatePolicy, Warning, "two policies in one file or revision have the same name")  \
  X(E0504, BadPolicy, Error, "a Custodian policy is invalid (unknown key, op, value_type or value)") \
  X(E0505, LivePolicyData, Error, "a Custodian filter or value needs a live API call or data edict lacks") \
  X(E0506, UnmappedKey, Error, "a Custodian key has no mapping for the policy's resource type")  \
  X(E0507, UnsupportedFilter, Error, "a Custodian filter edict does not implement")

enum class Severity { Note, Warning, Error };

enum class Code {
#define EDICT_DIAG_ENUM(code, name, sev, meaning) name,
  EDICT_DIAGNOSTICS(EDICT_DIAG_ENUM)
#undef EDICT_DIAG_ENUM
};

std::string_view code_id(Code c);        // "E0201"
std::string_view code_meaning(Code c);   // the one-line meaning
Severity default_severity(Code c);
std::string_view severity_name(Severity s);

struct Note {
  bool has_span = false;
  Span span;
  std::string text;  // rendered as "= note: ..." (or "= help: ..." when it starts with "did you mean")
};

struct Diagnostic {
  Severity severity = Severity::Error;
  Code code = Code::SyntaxError;
  Span span;
  std::string message;
  std::vector<Note> notes;
};

// Collects diagnostics from every stage; compilation goes on after errors.
class DiagnosticSink {
 public:
  void report(Code code, Span span, std::string message, std::vector<Note> notes = {});
  void report(Diagnostic d) { diags_.push_back(std::move(d)); }
  bool has_errors() const;
  // --werror: every warning becomes an error.
  void promote_warnings();
  size_t error_count() const;
  // Sorted by file, position and code, exact duplicates removed.
  std::vector<Diagnostic> sorted() const;
  const std::vector<Diagnostic>& all() const { return diags_; }

 private:
  std::vector<Diagnostic> diags_;
};

struct RenderOptions {
  bool color = false;
};

// "path:line:col" of the start of `span` (1-based line and byte column, as LineCol), or "" when
// `span` names no file of `sources`. The one location format of diagnostics, run-time errors,
// explanations, the REPL and reports.
std::string location(const SourceManager& sources, const Span& span);
// The same for a position in any file (a YAML or JSON input): "path:line:col", or just "path"
// when `line` is 0 (the position is not known).
std::string location(std::string_view path, size_t line, size_t col);

// How render_caret draws: diagnostics underline with "^~~~" under a blank gutter line; the REPL
// marks run-time errors with "^^^^" and no blank line. Colours wrap the marks only.
struct CaretStyle {
  bool gutter_above = true;  // a " <pad> |" line before the source line
  char fill = '~';           // the marks after the first '^'
  const char* color = "";
  const char* reset = "";
};

// The source line of `span`'s start after its line number ("  12 | text"), then a caret line
// under the span (to the end of the line when the span runs on). Display columns, so marks stay
// under multibyte text; the line is made safe by safe_line. Needs span.file < sources.size().
std::string render_caret(const SourceManager& sources, const Span& span, const CaretStyle& style = {});

// file:line:col: error[E0201]: message, then the source line with a caret/underline, then notes.
std::string render(const Diagnostic& d, const SourceManager& sources, const RenderOptions& opts = {});
std::string render_all(const DiagnosticSink& sink, const SourceManager& sources, const RenderOptions& opts = {});

// A source line made safe to print: tabs become spaces, control characters and bytes that are
// not valid UTF-8 become '?', so a hostile file cannot write escape sequences to the terminal.
// `column[i]` is the display column of byte i (column[size] is the width), for aligning carets.
std::string safe_line(std::string_view line, std::vector<size_t>& column);

// The closest candidate by edit distance, or empty if none is close enough.
std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates);

}  // namespace edict::lang
