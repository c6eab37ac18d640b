// Compiling rule sources for a scan: rule files and directories (or the shipped library) into a
// bytecode::Program, with the diagnostics returned as values for the caller to render.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "compiler/compiler.h"
#include "lang/diagnostics.h"
#include "vm/bytecode.h"

namespace edict::scan {

// Made by compile_rules; read by the scan, the CLI (which renders the diagnostics) and tests.
struct CompiledRules {
  std::shared_ptr<lang::SourceManager> sources;
  lang::DiagnosticSink diagnostics;            // every stage's, warnings included
  std::string read_error;                      // a rule file or directory that cannot be read (E0401)
  std::unique_ptr<bytecode::Program> program;  // null after a read error or an error diagnostic

  bool ok() const { return program != nullptr; }
  // Why nothing was evaluated, as printed after the diagnostics: "edict: error[E0401]: ..." or
  // "edict: 2 errors; nothing was evaluated". Empty when ok() or never compiled.
  std::string failure_line() const;
};

// Compiles the rules at `paths` (files or directories), plus the shipped library when `builtin`
// or when `paths` is empty. `werror` makes every warning an error.
CompiledRules compile_rules(const std::vector<std::string>& paths, bool builtin = false,
                            const compiler::CompileOptions& options = {}, bool werror = false);

// The diagnostics rendered (file:line:col, source line, caret), then failure_line().
std::string render_diagnostics(const CompiledRules& rules, bool color);

}  // namespace edict::scan
