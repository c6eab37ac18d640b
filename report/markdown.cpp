// Markdown report (`--format markdown`), for a pull-request comment or a nightly email: totals,
// failures by severity, then failures grouped by rule with up to RunInfo::markdown_limit offending resources
// each. Text from rules and inputs is escaped, so a resource name cannot inject markup or links.
#include <algorithm>
#include <map>

#include "report/internal/common.h"
#include "report/report.h"

namespace edict::report {

namespace {


// Escapes the characters Markdown (GitHub flavour) gives meaning to, and flattens newlines.
std::string escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == '\n' || c == '\r') {
      out += ' ';
    } else if (std::string_view("\\`*_[]<>|~&").find(c) != std::string_view::npos) {
      out += '\\';
      out += c;
    } else {
      out += c;
    }
  }
  return out;
}

// An address in a code span: a backtick inside it would end the span, so it becomes a quote.
std::string code(std::string_view s) {
  std::string out = "`";
  for (char c : s) out += c == '`' ? '\'' : (c == '\n' || c == '\r' ? ' ' : c);
  return out + "`";
}

}  // namespace

std::string render_markdown(const engine::Results& results, const model::ResourceSet& set, const RunInfo& info) {
  const engine::Summary& s = results.summary;
  std::string out = "## edict: ";
  out += s.fail == 0 ? "no failures" : std::to_string(s.fail) + (s.fail == 1 ? " failure" : " failures");
  out += "\n\n| pass | fail | skip | unknown | error | waived |\n|---:|---:|---:|---:|---:|---:|\n";
  out += "| " + std::to_string(s.pass) + " | " + std::to_string(s.fail) + " | " + std::to_string(s.skip) + " | " +
         std::to_string(s.unknown) + " | " + std::to_string(s.error) + " | " + std::to_string(s.waived) + " |\n";
  if (s.baselined > 0) out += "\n" + std::to_string(s.baselined) + " of the failures are in the baseline.\n";

  // Failing results per rule, rules in id order (results are sorted by rule, then address).
  std::map<const bytecode::Rule*, std::vector<const engine::Result*>> failing;
  for (const engine::Result& r : results.items) {
    if (r.status == engine::Status::Fail || r.status == engine::Status::Error) failing[r.rule].push_back(&r);
  }
  if (failing.empty()) return out;

  std::vector<const bytecode::Rule*> rules = internal::rules_of(results, info);
  std::stable_sort(rules.begin(), rules.end(), [](const bytecode::Rule* a, const bytecode::Rule* b) {
    return engine::severity_rank(a->severity) > engine::severity_rank(b->severity);
  });
  std::map<int, std::pair<size_t, size_t>, std::greater<>> by_severity;  // rank -> (rules, failures)
  std::map<int, std::string> severity_names;
  for (const bytecode::Rule* rule : rules) {
    auto it = failing.find(rule);
    if (it == failing.end()) continue;
    int rank = engine::severity_rank(rule->severity);
    severity_names[rank] = rule->severity.empty() ? "none" : rule->severity;
    by_severity[rank].first += 1;
    by_severity[rank].second += it->second.size();
  }
  out += "\n### Failures by severity\n\n| severity | rules | results |\n|---|---:|---:|\n";
  for (const auto& [rank, counts] : by_severity) {
    out += "| " + escape(severity_names[rank]) + " | " + std::to_string(counts.first) + " | " +
           std::to_string(counts.second) + " |\n";
  }

  out += "\n### Failures by rule\n";
  for (const bytecode::Rule* rule : rules) {
    auto it = failing.find(rule);
    if (it == failing.end()) continue;
    const auto& items = it->second;
    out += "\n#### " + escape(rule->id) + " (" + escape(rule->severity.empty() ? "none" : rule->severity) + ")";
    if (!rule->title.empty()) out += ": " + escape(rule->title);
    out += "\n\n";
    for (size_t i = 0; i < items.size() && i < info.markdown_limit; ++i) {
      const engine::Result& r = *items[i];
      out += "- " + code(r.resource->address) + " (" + code(r.resource->type);
      if (r.resource->file < set.files().size()) out += ", " + escape(set.files()[r.resource->file]);
      out += ")";
      if (r.status == engine::Status::Error) out += " **error**";
      if (r.baselined) out += " *baselined*";
      if (std::string seen = internal::first_seen(info, r); !seen.empty()) out += " (first seen " + escape(seen) + ")";
      if (!r.message.empty()) out += ": " + escape(r.message);
      out += "\n";
    }
    if (items.size() > info.markdown_limit) {
      out += "- ... and " + std::to_string(items.size() - info.markdown_limit) + " more\n";
    }
    if (!rule->remediation.empty()) out += "\nRemediation: " + escape(rule->remediation) + "\n";
  }
  return out;
}

}  // namespace edict::report
