// The REPL's rule sources and their recompilation: redefinition blanks the older definition out of
// its unit's text (spaces, newlines kept, so every other span and line number stays valid).
#include "repl/internal/workspace.h"

#include <algorithm>
#include <set>
#include <utility>

#include "c7n/frontend.h"
#include "c7n/policy_file.h"
#include "compiler/compiler.h"
#include "lang/parser.h"

namespace edict::repl::internal {

namespace {

std::shared_ptr<lang::SourceManager> make_sources(const std::vector<Unit>& units) {
  auto sources = std::make_shared<lang::SourceManager>();
  for (const Unit& u : units) sources->add(u.path, u.text);
  return sources;
}

std::string qualified(const std::string& package, const std::string& name) {
  return package.empty() ? name : package + "." + name;
}

// Replaces the bytes of `span` with spaces, keeping line breaks where they were.
void blank(std::string& text, const lang::Span& span) {
  for (uint32_t i = span.begin; i < span.end && i < text.size(); ++i) {
    if (text[i] != '\n' && text[i] != '\r') text[i] = ' ';
  }
}

void add_unique(std::vector<std::string>& list, const std::string& s) {
  if (std::find(list.begin(), list.end(), s) == list.end()) list.push_back(s);
}

// The rule ids and qualified def names a unit defines, in source order.
struct Names {
  std::vector<std::string> rules, defs;
};

// A unit's module: Custodian policy files through the c7n front end, the rest as DSL.
lang::Module module_of(lang::SourceManager& sources, const Unit& u, lang::DiagnosticSink& sink) {
  uint32_t f = sources.add(u.path, u.text);
  return c7n::is_policy_file(u.path, u.text) ? c7n::build_module(sources, f, sink) : lang::parse_module(sources, f, sink);
}

Names names_of(const std::vector<Unit>& units) {
  Names out;
  lang::SourceManager sources;
  lang::DiagnosticSink ignored;  // reported by the compile that follows
  for (const Unit& u : units) {
    lang::Module m = module_of(sources, u, ignored);
    for (const lang::RuleDecl& r : m.rules) add_unique(out.rules, r.id);
    for (const lang::DefDecl& d : m.defs) add_unique(out.defs, qualified(m.package, d.name));
  }
  return out;
}

bool contains(const std::vector<std::string>& list, const std::string& s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

}  // namespace

Workspace::Workspace() : program_(std::make_unique<bytecode::Program>()) {}
Workspace::~Workspace() = default;

bool Workspace::apply(std::vector<Unit> incoming, Change& change, std::string& diagnostics) {
  Names fresh = names_of(incoming);
  std::vector<std::string> replaced_rules, replaced_defs;
  std::vector<Unit> next;
  // The units kept here compiled without errors, so each rule id and def name is there once.
  std::vector<size_t> kept_items(units_.size(), 0);
  std::vector<Unit> blanked = units_;
  if (checked_) {
    for (const compiler::RuleInfo& r : checked_->rules) {
      uint32_t file = r.decl->span.file;
      if (contains(fresh.rules, r.decl->id)) {
        add_unique(replaced_rules, r.decl->id);
        blank(blanked[file].text, r.decl->span);
      } else {
        ++kept_items[file];
      }
    }
    for (const compiler::DefInfo& d : checked_->defs) {
      uint32_t file = d.decl->span.file;
      if (contains(fresh.defs, d.qualified)) {
        add_unique(replaced_defs, d.qualified);
        blank(blanked[file].text, d.decl->span);
      } else {
        ++kept_items[file];
      }
    }
  }
  for (size_t i = 0; i < units_.size(); ++i) {
    const Unit& old = units_[i];
    bool reloaded = std::any_of(incoming.begin(), incoming.end(), [&](const Unit& u) { return u.path == old.path; });
    Unit& unit = blanked[i];
    size_t kept = kept_items[i];
    if (c7n::is_policy_file(old.path, old.text)) {
      // Policy files are kept or reloaded whole: blanking a policy would break the YAML around it
      // (a policy redefined elsewhere is then a duplicate rule, reported by the compile).
      if (!reloaded) next.push_back(old);
      continue;
    }
    // A unit left with no items would be an empty file (E0106): it goes, as does a reloaded file.
    if (kept > 0 && !reloaded) next.push_back(std::move(unit));
  }
  auto first_new = static_cast<uint32_t>(next.size());
  for (Unit& u : incoming) next.push_back(std::move(u));

  auto sources = make_sources(next);
  lang::DiagnosticSink sink;
  std::vector<lang::Module> modules = c7n::parse_modules(*sources, sink);
  auto checked = std::make_unique<compiler::CheckedProgram>(compiler::check(sources, std::move(modules), sink));
  std::unique_ptr<bytecode::Program> program = compiler::lower(*checked);
  diagnostics = render_diagnostics(sink, *sources, first_new);
  if (!program) return false;

  units_ = std::move(next);
  checked_ = std::move(checked);
  program_ = std::move(program);
  change = {};
  for (const std::string& id : fresh.rules) {
    (contains(replaced_rules, id) ? change.rules_replaced : change.rules_added).push_back(id);
  }
  for (const std::string& name : fresh.defs) {
    (contains(replaced_defs, name) ? change.defs_replaced : change.defs_added).push_back(name);
  }
  return true;
}

std::shared_ptr<lang::SourceManager> Workspace::sources_with(const Unit& extra) const {
  auto sources = make_sources(units_);
  sources->add(extra.path, extra.text);
  return sources;
}

std::string render_diagnostics(const lang::DiagnosticSink& sink, const lang::SourceManager& sources,
                               uint32_t first_new) {
  std::string out;
  for (const lang::Diagnostic& d : sink.sorted()) {
    if (d.severity == lang::Severity::Error || d.span.file >= first_new) out += lang::render(d, sources);
  }
  return out;
}

}  // namespace edict::repl::internal
