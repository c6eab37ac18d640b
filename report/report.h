// Reports: engine::Results rendered for machines (JSON, fixed shape in DESIGN.md; SARIF 2.1.0 for
// code scanning; JUnit XML for test views; GitHub workflow-command annotations) and for people
// (text). Made by the CLI and the REPL after evaluation and triage (triage/triage.h).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/evaluate.h"
#include "triage/triage.h"

namespace edict::report {

struct TextOptions {
  bool color = false;
  bool show_passing = true;  // list passing results (skips are only counted)
};

// What a report may show besides the results. Everything is optional: a default RunInfo gives
// the reports of a plain run.
struct RunInfo {
  std::vector<const bytecode::Rule*> rules;  // the rules that ran, sorted by id (SARIF rules[], JUnit suites)
  const triage::Outcome* triage = nullptr;   // waivers and baseline in force
  // The rules are the ones shipped inside the binary: their source paths name files of edict's
  // repository, not the user's, so SARIF gives no physical location in them.
  bool builtin_rules = false;
  // Markdown: how many offending resources to list under each rule (`--markdown-limit`).
  size_t markdown_limit = 10;
  // `--state`: when each open violation (rule, address) was first seen, ISO-8601 UTC. The JSON,
  // SARIF (result properties) and markdown reports show it; null when there is no state file.
  const std::map<std::pair<std::string, std::string>, std::string>* first_seen = nullptr;
};

// `edict evaluate --format json`: {"version", "summary", "results": [...]}.
std::string render_json(const engine::Results& results, const model::ResourceSet& set, const RunInfo& info = {});

// Grouped by resource, failures first, then a summary line.
std::string render_text(const engine::Results& results, const model::ResourceSet& set, const TextOptions& opts);

// SARIF 2.1.0: one rules[] entry per rule that ran, one result per fail, unknown and waived
// result; rule run-time errors and waiver problems as tool notifications.
std::string render_sarif(const engine::Results& results, const model::ResourceSet& set, const RunInfo& info);

// JUnit XML: one test suite per rule, one test case per (rule, resource).
std::string render_junit(const engine::Results& results, const model::ResourceSet& set, const RunInfo& info);

// GitHub Actions workflow commands: one ::error / ::warning / ::notice annotation per finding
// that needs attention, then a summary notice.
std::string render_github(const engine::Results& results, const model::ResourceSet& set, const RunInfo& info);

// Markdown for a pull-request comment or an email: totals, failures by severity, and failures
// grouped by rule (severity first) with up to 10 offending resources each.
std::string render_markdown(const engine::Results& results, const model::ResourceSet& set, const RunInfo& info);

// The formats `--format` and `--output` accept: text, json, sarif, junit, github, markdown.
const std::vector<std::string>& format_names();

// Renders `format` (one of format_names()).
std::string render(std::string_view format, const engine::Results& results, const model::ResourceSet& set,
                   const RunInfo& info, const TextOptions& text);

// "3 pass, 1 fail, 0 skip, 2 unknown, 0 error" (and ", N waived" when some are).
std::string summary_line(const engine::Summary& s);

// The security level a severity maps to: "error" (critical, high), "warning" (medium) or
// "note" (low, info). SARIF levels and GitHub annotations use it ("note" is GitHub's "notice").
std::string_view severity_level(std::string_view severity);

}  // namespace edict::report
