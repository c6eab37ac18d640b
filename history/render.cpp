// Text and JSON renderings of stream events, revision diffs and their impact (history/render.h).
#include "history/render.h"

#include <nlohmann/json.hpp>

#include "common/text.h"
#include "history/internal/policy_render.h"

namespace edict::history {

namespace {

using Json = nlohmann::ordered_json;

std::string join(const std::vector<std::string>& items, const char* sep) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : sep) + s;
  return out;
}

bool file_changed(const RuleChange& c) {
  return (c.kind == ChangeKind::Modify || c.kind == ChangeKind::Move) && c.previous.file != c.rule.file;
}

Json commit_json(const CommitInfo& c) {
  return Json{{"id", c.id}, {"author", c.author}, {"email", c.email}, {"date", c.date}, {"summary", c.summary}};
}

// Fields shared by stream events and diff entries.
void rule_fields(Json& j, const RuleChange& c) {
  j["rule"] = c.rule.id;
  j["package"] = c.rule.package;
  j["types"] = c.rule.types;
  j["severity"] = c.rule.severity;
  if (c.kind == ChangeKind::Modify) j["changed"] = c.parts;
  j["file"] = c.rule.file;
  if (file_changed(c)) j["previous_file"] = c.previous.file;
  j["fingerprint"] = c.rule.fingerprint.combined();
}

std::vector<Json> event_objects(const CommitEvents& ev) {
  std::vector<Json> out;
  for (const FileError& e : ev.errors) {
    out.push_back(Json{{"event", "error"},
                       {"file", e.file},
                       {"message", e.message},
                       {"kept_rules", e.kept_rules},
                       {"commit", commit_json(ev.commit)}});
  }
  for (const RuleChange& c : ev.changes) {
    Json j{{"event", event_name(c.kind)}};
    rule_fields(j, c);
    j["commit"] = commit_json(ev.commit);
    out.push_back(std::move(j));
  }
  for (Json& j : internal::policy_event_objects(ev)) out.push_back(std::move(j));
  return out;
}

std::string status_or_none(const std::optional<engine::Status>& s) {
  return s ? std::string(engine::status_name(*s)) : "(none)";
}

}  // namespace

std::string render_events_text(const CommitEvents& ev) {
  std::string head = ev.commit.id.substr(0, 7) + " " + ev.commit.date + " ";
  std::string author = " author=" + text::json_string(ev.commit.author);
  std::string out;
  for (const FileError& e : ev.errors) {
    out += head;
    out += "error " + text::printable(e.file) + " kept=" + std::to_string(e.kept_rules);
    out += author;
    out += " message=" + text::json_string(e.message) + "\n";
  }
  for (const RuleChange& c : ev.changes) {
    // File names come from the repository: escaped, so a name cannot write to the terminal.
    out += head + event_name(c.kind) + " " + c.rule.id + " " + text::printable(c.rule.file);
    if (file_changed(c)) out += " from=" + text::printable(c.previous.file);
    if (c.kind == ChangeKind::Modify) out += " changed=" + join(c.parts, ",");
    out += " package=" + (c.rule.package.empty() ? std::string("-") : c.rule.package) +
           " types=" + join(c.rule.types, ",") + " severity=" + c.rule.severity + author + "\n";
  }
  return out + internal::policy_events_text(ev);
}

std::string render_events_jsonl(const CommitEvents& ev) {
  std::string out;
  for (const Json& j : event_objects(ev)) out += j.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
  return out;
}

std::string render_events_json_items(const CommitEvents& ev, bool& first) {
  std::string out;
  for (const Json& j : event_objects(ev)) {
    out += first ? "\n  " : ",\n  ";
    first = false;
    out += j.dump(-1, ' ', false, Json::error_handler_t::replace);
  }
  return out;
}

std::string render_diff_text(const DiffResult& diff, const std::string& why, const ImpactResult* impact) {
  size_t counts[4] = {0, 0, 0, 0};
  for (const RuleChange& c : diff.changes) ++counts[static_cast<int>(c.kind)];
  auto rev = [](const Revision& r) {
    return (r.commit.empty() ? std::string("0000000") : r.commit.substr(0, 7)) + " (" + r.spec + ")";
  };
  // A repository of Custodian policies alone gets no "rules ...: 0 added" line.
  bool policies = internal::diff_has_policies(diff);
  bool rules = !policies || !diff.changes.empty() || !diff.before.files.empty() || !diff.after.files.empty();
  std::string out = rules ? "rules " + rev(diff.source) + " .. " + rev(diff.target) + ": " +
                                std::to_string(counts[0]) + " added, " + std::to_string(counts[1]) + " removed, " +
                                std::to_string(counts[2]) + " modified, " + std::to_string(counts[3]) + " moved\n"
                          : std::string();
  std::string policy_text = policies ? internal::policy_diff_text(diff) : std::string();
  if (!rules) {  // the policies' header line first, then the range
    size_t nl = policy_text.find('\n') + 1;
    out += policy_text.substr(0, nl);
    policy_text.erase(0, nl);
  }
  if (!why.empty()) out += "  range: " + why + "\n";
  for (const RuleChange& c : diff.changes) {
    std::string kind = change_name(c.kind);
    out += "  " + kind + std::string(10 - kind.size(), ' ') + c.rule.id + "  ";
    out += file_changed(c) ? text::printable(c.previous.file) + " -> " + text::printable(c.rule.file)
                           : text::printable(c.rule.file);
    if (c.kind == ChangeKind::Modify) out += "  [" + join(c.parts, ", ") + "]";
    out += "\n";
  }
  for (const FileError& e : diff.errors) {
    out += "  error     " + text::printable(e.message) + " (" + text::plural(e.kept_rules, "rule", "rules") +
           " kept from the last version that parsed)\n";
  }
  out += policy_text;
  if (impact != nullptr) {
    out += "impact over " + text::plural(impact->resources, "resource", "resources") + " (" +
           text::plural(impact->rules.size(), "changed rule", "changed rules") +
           "): " + text::plural(impact->flips.size(), "verdict changes", "verdicts change") + "\n";
    for (const Flip& f : impact->flips) {
      out +=
          "  " + f.rule + "  " + text::printable(f.address) + "  " + status_or_none(f.before) + " -> " + status_or_none(f.after) + "\n";
    }
  }
  return out;
}

std::string render_diff_json(const DiffResult& diff, const std::string& why, const ImpactResult* impact) {
  auto rev = [](const Revision& r) {
    return Json{{"rev", r.spec}, {"commit", r.commit.empty() ? Json(nullptr) : Json(r.commit)}};
  };
  Json doc{{"version", EDICT_VERSION}, {"source", rev(diff.source)}, {"target", rev(diff.target)}};
  if (!why.empty()) doc["range"] = why;
  Json changes = Json::array();
  for (const RuleChange& c : diff.changes) {
    Json j{{"change", change_name(c.kind)}};
    rule_fields(j, c);
    changes.push_back(std::move(j));
  }
  doc["changes"] = std::move(changes);
  Json errors = Json::array();
  for (const FileError& e : diff.errors)
    errors.push_back(Json{{"file", e.file}, {"message", e.message}, {"kept_rules", e.kept_rules}});
  doc["errors"] = std::move(errors);
  if (internal::diff_has_policies(diff)) doc["policy_changes"] = internal::policy_diff_json(diff);
  if (impact != nullptr) {
    Json flips = Json::array();
    for (const Flip& f : impact->flips) {
      auto status = [](const std::optional<engine::Status>& s) {
        return s ? Json(std::string(engine::status_name(*s))) : Json(nullptr);
      };
      flips.push_back(Json{{"rule", f.rule},
                           {"resource", Json{{"address", f.address}, {"type", f.type}, {"file", f.input}}},
                           {"before", status(f.before)},
                           {"after", status(f.after)},
                           {"message", f.message}});
    }
    doc["impact"] = Json{{"resources", impact->resources}, {"rules", impact->rules}, {"flips", std::move(flips)}};
  }
  return doc.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace edict::history

namespace edict::history {

std::string render_diff_policies_yaml(const DiffResult& diff) { return changed_policies_yaml(diff.policy_changes); }

}  // namespace edict::history
