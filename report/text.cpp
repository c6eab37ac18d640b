// The text report for people: results grouped by resource, failures first, optional colour.
#include <algorithm>
#include <map>

#include "common/text.h"
#include "report/internal/common.h"
#include "report/report.h"

namespace edict::report {

namespace {
int rank(engine::Status s) {
  switch (s) {
    case engine::Status::Fail: return 0;
    case engine::Status::Error: return 1;
    case engine::Status::Unknown: return 2;
    case engine::Status::Waived: return 3;
    case engine::Status::Pass: return 4;
    case engine::Status::Skip: return 5;
  }
  return 6;
}

// Every input-derived string goes through this: an address holding ESC[2J must not clear the
// terminal, and an embedded newline must not start a line a CI log takes as a command.
std::string safe(std::string_view s) { return text::printable(s); }

const char* colour(engine::Status s) {
  switch (s) {
    case engine::Status::Fail: return "\033[1;31m";
    case engine::Status::Error: return "\033[1;35m";
    case engine::Status::Unknown: return "\033[1;33m";
    case engine::Status::Pass: return "\033[32m";
    case engine::Status::Skip: return "\033[2m";
    case engine::Status::Waived: return "\033[36m";
  }
  return "";
}
}  // namespace

std::string summary_line(const engine::Summary& s) {
  std::string fail = std::to_string(s.fail) + " fail";
  if (s.baselined > 0) fail += " (" + std::to_string(s.baselined) + " in the baseline)";
  return std::to_string(s.pass) + " pass, " + fail + ", " + std::to_string(s.skip) + " skip, " +
         std::to_string(s.unknown) + " unknown, " + std::to_string(s.error) + " error" +
         (s.waived > 0 ? ", " + std::to_string(s.waived) + " waived" : "");
}

std::string render_text(const engine::Results& results, const model::ResourceSet& set, const TextOptions& opts) {
  // Group by resource, keeping the worst status of each group for ordering.
  std::map<const model::Resource*, std::vector<const engine::Result*>> groups;
  for (const engine::Result& r : results.items) groups[r.resource].push_back(&r);
  struct Group {
    const model::Resource* res;
    std::vector<const engine::Result*> items;
    int worst;
  };
  std::vector<Group> ordered;
  for (auto& [res, items] : groups) {
    std::stable_sort(items.begin(), items.end(), [](auto* a, auto* b) { return rank(a->status) < rank(b->status); });
    ordered.push_back({res, items, rank(items.front()->status)});
  }
  std::stable_sort(ordered.begin(), ordered.end(), [](const Group& a, const Group& b) {
    if (a.worst != b.worst) return a.worst < b.worst;
    return a.res->address < b.res->address;
  });
  const char* bold = opts.color ? "\033[1m" : "";
  const char* dim = opts.color ? "\033[2m" : "";
  const char* reset = opts.color ? "\033[0m" : "";
  std::string out;
  for (const Group& g : ordered) {
    std::vector<const engine::Result*> shown;
    for (const engine::Result* r : g.items) {
      if (r->status == engine::Status::Skip) continue;
      bool quiet_hides = r->status == engine::Status::Pass || r->status == engine::Status::Waived;
      if (quiet_hides && !opts.show_passing) continue;
      shown.push_back(r);
    }
    if (shown.empty()) continue;
    out += std::string(bold) + safe(g.res->address) + reset + dim + "  (" + safe(g.res->type) + ", " +
           safe(set.files()[g.res->file]) + ")" + reset + "\n";
    for (const engine::Result* r : shown) {
      std::string status(engine::status_name(r->status));
      std::transform(status.begin(), status.end(), status.begin(), ::toupper);
      status.resize(7, ' ');
      out += "  " + std::string(opts.color ? colour(r->status) : "") + status + reset + " " + safe(r->rule->id) + " [" +
             safe(r->rule->severity) + "]";
      std::string text = r->status == engine::Status::Pass ? r->rule->title : r->message;
      if (!text.empty()) out += " " + safe(text);
      out += "\n";
      if (r->status == engine::Status::Pass) continue;
      if (r->waiver != nullptr) {
        out += "          " + safe(internal::waiver_text(*r->waiver)) + "\n";
        continue;
      }
      if (r->baselined) out += std::string("          ") + dim + "known: in the baseline" + reset + "\n";
      for (const std::string& why : r->why) out += "          " + safe(why) + "\n";
      if (!r->location.empty() && r->status == engine::Status::Fail) {
        out += std::string("          ") + dim + "rule: " + safe(r->location) + reset + "\n";
      }
      if (!r->trace.empty()) {
        out += "          trace:\n";
        for (const std::string& t : r->trace) out += "            " + safe(t) + "\n";
      }
    }
    out += "\n";
  }
  out += std::string(bold) + "Summary: " + reset + summary_line(results.summary) + "\n";
  return out;
}

}  // namespace edict::report
