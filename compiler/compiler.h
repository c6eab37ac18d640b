// The compiler's stages: parsed lang::Modules (from the DSL parser or another front end) ->
// check() -> CheckedProgram (compiler/checked.h) -> lower() -> bytecode::Program. The passes
// (parse, resolve, check, cost, fold, lower) are named, which gives --dump-after=PASS and --time-passes.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "compiler/checked.h"
#include "lang/ast.h"
#include "lang/diagnostics.h"
#include "lang/source.h"
#include "vm/bytecode.h"

namespace edict::compiler {

struct CompileOptions {
  std::vector<std::string> dump_after;  // pass names; dumps go to `dump`
  bool time_passes = false;             // per-pass timings go to `dump`
  std::ostream* dump = nullptr;
  // A rule whose static cost estimate passes this is an error (E0309); 0: a warning above
  // internal::kCostWarning (one billion steps per resource).
  double max_cost = 0;
};

struct CompileResult {
  std::unique_ptr<bytecode::Program> program;  // null when there were errors
};

// Names of the passes, in order.
const std::vector<std::string>& pass_names();

// Resolves names and calls, checks rules and literal arguments, estimates costs and folds
// constants: the passes resolve, check, cost and fold. Every span of `modules` must point into
// `sources`. Diagnostics go to `sink`; all passes run even after errors, so all are reported.
CheckedProgram check(std::shared_ptr<const lang::SourceManager> sources, std::vector<lang::Module> modules,
                     lang::DiagnosticSink& sink, const CompileOptions& opts = {});
// The same for modules the caller keeps (the rule history's parsed files).
CheckedProgram check(std::shared_ptr<const lang::SourceManager> sources,
                     std::vector<std::shared_ptr<const lang::Module>> modules, lang::DiagnosticSink& sink,
                     const CompileOptions& opts = {});

// Bytecode for a checked program (the lower pass; reads opts.trace and the dump options); null
// when it has errors. The Program does not refer to `checked`, which may go first.
std::unique_ptr<bytecode::Program> lower(const CheckedProgram& checked, const CompileOptions& opts = {});

// parse + check + lower: compiles every file in `sources` into one Program. Diagnostics (errors and warnings) go to
// `sink`; compilation continues after errors so that all of them are reported.
CompileResult compile(std::shared_ptr<lang::SourceManager> sources, lang::DiagnosticSink& sink,
                      const CompileOptions& opts = {});

// The same for modules a front end has already parsed: modules[i] is file i of `sources` (files
// past the end of `modules` are parsed as DSL source). This is where a second front end plugs in.
CompileResult compile(std::shared_ptr<lang::SourceManager> sources, std::vector<lang::Module> modules,
                      lang::DiagnosticSink& sink, const CompileOptions& opts = {});

// Compiles one expression (the whole of file `file`) as an entry for `edict eval`, together with
// the definitions in the other files. Bare names read attributes of `self`.
struct ExpressionResult {
  std::unique_ptr<bytecode::Program> program;
  bytecode::Entry entry;
};
ExpressionResult compile_expression(std::shared_ptr<lang::SourceManager> sources, uint32_t file,
                                    lang::DiagnosticSink& sink);

}  // namespace edict::compiler
