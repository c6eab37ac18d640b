// One renderer for explanations, in the layout of `edict explain` or of the REPL's `:why`.
#include "scan/explain.h"

#include "common/text.h"
#include "lang/diagnostics.h"

namespace edict::scan {

namespace {

std::string report_layout(const bytecode::Program& program, const model::ResourceSet& set, const engine::Result& r) {
  const bytecode::Rule& rule = *r.rule;
  const model::Resource& res = *r.resource;
  // Input-derived text is escaped, as in the text report (report/text.cpp).
  auto safe = [](std::string_view t) { return text::printable(t); };
  std::string where = program.sources ? lang::location(*program.sources, rule.span) : std::string();
  std::string out = "rule      " + safe(rule.id) + " [" + safe(rule.severity) + "]" +
                    (rule.title.empty() ? "" : " " + safe(rule.title)) + "\n          " + safe(where) + "\n";
  out += "resource  " + safe(res.address) + "  (" + safe(res.type) + ", " + safe(set.files()[res.file]) + ", " +
         std::string(model::action_name(res.action)) + ")\n";
  out += "status    " + std::string(engine::status_name(r.status)) + "\n";
  if (!r.message.empty()) out += "message   " + safe(r.message) + "\n";
  for (size_t i = 0; i < r.why.size(); ++i) out += std::string(i ? "          " : "why       ") + safe(r.why[i]) + "\n";
  for (size_t i = 0; i < r.unknown_paths.size(); ++i) {
    out += std::string(i ? "          " : "unknown   ") + safe(r.unknown_paths[i]) + "\n";
  }
  if (!r.location.empty()) out += "at        " + safe(r.location) + "\n";
  out += "trace\n";
  for (const std::string& t : r.trace) out += "  " + safe(t) + "\n";
  return out;
}

std::string inline_layout(const engine::Result& r) {
  std::string out = r.rule->id + " on " + std::string(r.resource->address) + ": " + std::string(engine::status_name(r.status));
  if (!r.message.empty()) out += "  " + r.message;
  out += "\n";
  for (const std::string& w : r.why) out += "  why: " + w + "\n";
  for (const std::string& u : r.unknown_paths) out += "  known after apply: " + u + "\n";
  if (!r.location.empty()) out += "  at " + r.location + "\n";
  for (const std::string& t : r.trace) out += "  " + t + "\n";
  return out;
}

}  // namespace

std::string render_explanation(const bytecode::Program& program, const model::ResourceSet& set,
                               const engine::Result& r, ExplainLayout layout) {
  if (layout == ExplainLayout::Inline) return inline_layout(r);
  return report_layout(program, set, r);
}

}  // namespace edict::scan
