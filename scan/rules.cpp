// Rule compilation for scans: reads the rule sources, compiles them and keeps the diagnostics.
#include "scan/rules.h"

#include "c7n/frontend.h"
#include "engine/rule_sources.h"

namespace edict::scan {

std::string CompiledRules::failure_line() const {
  if (ok() || !sources) return {};
  if (!read_error.empty()) return "edict: error[" + std::string(lang::code_id(lang::Code::IoError)) + "]: " + read_error + "\n";
  size_t n = diagnostics.error_count();
  return "edict: " + std::to_string(n) + " error" + (n == 1 ? "" : "s") + "; nothing was evaluated\n";
}

CompiledRules compile_rules(const std::vector<std::string>& paths, bool builtin, const compiler::CompileOptions& options,
                            bool werror) {
  CompiledRules out;
  out.sources = std::make_shared<lang::SourceManager>();
  if (builtin || paths.empty()) engine::add_builtin_rules(*out.sources);
  if (!paths.empty() && !engine::add_rule_paths(*out.sources, paths, out.read_error)) {
    if (out.read_error.empty()) out.read_error = "cannot read the rules";
    return out;
  }
  compiler::CompileResult result =
      compiler::compile(out.sources, c7n::parse_modules(*out.sources, out.diagnostics), out.diagnostics, options);
  if (werror) out.diagnostics.promote_warnings();
  if (!out.diagnostics.has_errors()) out.program = std::move(result.program);
  return out;
}

std::string render_diagnostics(const CompiledRules& rules, bool color) {
  std::string out;
  if (rules.sources) out = lang::render_all(rules.diagnostics, *rules.sources, lang::RenderOptions{color});
  return out + rules.failure_line();
}

}  // namespace edict::scan
