// Choosing a report format by name, and the helpers the formats share (report/internal/common.h).
#include <algorithm>
#include <cstdio>
#include <set>

#include "report/internal/common.h"
#include "report/report.h"

namespace edict::report {

const std::vector<std::string>& format_names() {
  static const std::vector<std::string> names = {"text", "json", "sarif", "junit", "github", "markdown"};
  return names;
}

std::string render(std::string_view format, const engine::Results& results, const model::ResourceSet& set,
                   const RunInfo& info, const TextOptions& text) {
  if (format == "json") return render_json(results, set, info);
  if (format == "sarif") return render_sarif(results, set, info);
  if (format == "junit") return render_junit(results, set, info);
  if (format == "github") return render_github(results, set, info);
  if (format == "markdown") return render_markdown(results, set, info);
  return render_text(results, set, text);
}

std::string_view severity_level(std::string_view severity) {
  int rank = engine::severity_rank(severity);
  if (rank >= engine::severity_rank("high")) return "error";
  if (rank == engine::severity_rank("medium")) return "warning";
  return "note";
}

namespace internal {

std::vector<const bytecode::Rule*> rules_of(const engine::Results& results, const RunInfo& info) {
  std::vector<const bytecode::Rule*> rules = info.rules;
  if (rules.empty()) {
    std::set<const bytecode::Rule*> seen;
    for (const engine::Result& r : results.items) {
      if (seen.insert(r.rule).second) rules.push_back(r.rule);
    }
  }
  std::stable_sort(rules.begin(), rules.end(),
                   [](const bytecode::Rule* a, const bytecode::Rule* b) { return a->id < b->id; });
  return rules;
}

std::string details(const engine::Result& r) {
  std::string out = r.message;
  for (const std::string& why : r.why) out += (out.empty() ? "" : "\n") + why;
  return out;
}

std::string waiver_text(const triage::Waiver& w) {
  return "waived by " + w.where() + " until " + w.expires + (w.owner.empty() ? "" : " (" + w.owner + ")") + ": " +
         w.reason;
}

bool is_file(std::string_view input) { return !input.empty() && input != "<stdin>"; }

// A path as a URI reference: relative paths stay relative, absolute ones become file:// URIs,
// and bytes outside the unreserved set (and '/') are percent-encoded.
std::string path_uri(std::string_view path) {
  while (path.substr(0, 2) == "./") path.remove_prefix(2);
  std::string out = !path.empty() && path[0] == '/' ? "file://" : "";
  for (char ch : path) {
    auto c = static_cast<unsigned char>(ch);
    bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
                c == '_' || c == '~' || c == '/';
    if (keep) {
      out += ch;
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

// A stable identity for a finding across runs and commits: FNV-1a (64 bits) of rule and address.
std::string fingerprint(std::string_view rule, std::string_view address) {
  uint64_t h = 0xcbf29ce484222325ULL;
  auto mix = [&](std::string_view s) {
    for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
  };
  mix(rule);
  mix(std::string_view("\0", 1));
  mix(address);
  char buf[20];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

engine::Status verdict(const engine::Result& r) {
  return r.status == engine::Status::Waived ? r.waived_status : r.status;
}

std::string first_seen(const RunInfo& info, const engine::Result& r) {
  if (info.first_seen == nullptr || verdict(r) != engine::Status::Fail) return "";
  auto it = info.first_seen->find({r.rule->id, std::string(r.resource->address)});
  return it == info.first_seen->end() ? "" : it->second;
}

}  // namespace internal

}  // namespace edict::report
