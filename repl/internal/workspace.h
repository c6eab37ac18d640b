// The REPL's rule sources: files loaded with --rules or :load and definitions typed inline, kept
// as text so that everything can be recompiled after each change. The latest definition of a rule
// id or of a def (package and name) wins: older ones are blanked out of their text.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "compiler/checked.h"
#include "lang/diagnostics.h"
#include "lang/source.h"
#include "vm/bytecode.h"

namespace edict::repl::internal {

// One rule source: a file's text or one inline input (path "<repl:N>").
struct Unit {
  std::string path;
  std::string text;
};

// What one successful change did, by name.
struct Change {
  std::vector<std::string> rules_added, rules_replaced;  // rule ids
  std::vector<std::string> defs_added, defs_replaced;    // qualified def names
};

class Workspace {
 public:
  Workspace();
  ~Workspace();

  // Adds units (a unit with the path of a loaded file replaces it) and recompiles everything.
  // Rules and defs they define replace older ones of the same id or package and name. On
  // compile errors nothing changes; `diagnostics` gets the rendered errors (and warnings of the new
  // units) either way. Returns false on errors.
  bool apply(std::vector<Unit> incoming, Change& change, std::string& diagnostics);

  // The compiled rules (never null: an empty program before any rule is loaded).
  const bytecode::Program& program() const { return *program_; }
  // Every unit, then `extra` as the last file: for compiling an expression or a REPL input.
  std::shared_ptr<lang::SourceManager> sources_with(const Unit& extra) const;
  const std::vector<Unit>& units() const { return units_; }

 private:
  std::vector<Unit> units_;
  // units_[i] is file i; what the rules and defs of the units are and where they are is read
  // from here, not from parsing the units again.
  std::unique_ptr<compiler::CheckedProgram> checked_;
  std::unique_ptr<bytecode::Program> program_;
};

// Renders only the diagnostics that matter for a change: every error, and warnings in files at
// or after `first_new` (so old files' warnings are not repeated on each recompile).
std::string render_diagnostics(const lang::DiagnosticSink& sink, const lang::SourceManager& sources,
                               uint32_t first_new);

}  // namespace edict::repl::internal
