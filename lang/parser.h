// The parser: rule source text -> lang::Module (lang/ast.h) plus E01xx diagnostics. Made from the
// PEGTL grammar in grammar/grammar.h; used by the compiler driver, `edict eval` and the REPL.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "lang/ast.h"
#include "lang/diagnostics.h"
#include "lang/source.h"

namespace edict::lang {

// Parses one source file; syntax errors go to sink; the Module holds every item that parsed.
Module parse_module(const SourceManager& sources, uint32_t file, DiagnosticSink& sink);

// Parses a whole file as one expression (for `edict eval` and the REPL). nullptr on error.
ExprPtr parse_expression(const SourceManager& sources, uint32_t file, DiagnosticSink& sink);

// REPL input: a sequence of rules/defs (module set, expr null) or one expression (expr set).
struct ReplInput {
  std::optional<Module> module;
  ExprPtr expr;
};
// Input that starts with `rule`, `def`, `package` or `import` is a module, anything else an
// expression. An empty module is not an error here (unlike parse_module's E0106).
ReplInput parse_repl_input(const SourceManager& sources, uint32_t file, DiagnosticSink& sink);

// True when the text is an incomplete rule/def/expression (unclosed { ( [ or string, or a trailing
// operator) so the REPL should read another line.
bool needs_more_input(std::string_view text);

// S-expression dump of an expression / module, for tests and --dump-after=parse.
std::string dump(const Expr& e);
std::string dump(const Module& m);

}  // namespace edict::lang
