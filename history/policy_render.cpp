// Policy events and policy diffs as text and JSON (history/internal/policy_render.h); the line
// form follows c7n-policystream's `<policy-add policy:... commit:...>` so its readers keep working.
#include <cmath>

#include "common/text.h"
#include "history/internal/policy_render.h"

namespace edict::history::internal {

using Json = nlohmann::ordered_json;

Json policy_data_json(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null: return nullptr;
    case YAML::NodeType::Sequence: {
      Json a = Json::array();
      for (const YAML::Node& item : node) a.push_back(policy_data_json(item));
      return a;
    }
    case YAML::NodeType::Map: {
      Json o = Json::object();
      for (auto it = node.begin(); it != node.end(); ++it) {
        // JSON keys are strings: a non-scalar key (legal YAML, never a Custodian key) is its YAML text.
        std::string key = it->first.IsScalar() ? it->first.Scalar() : YAML::Dump(it->first);
        o[key] = policy_data_json(it->second);
      }
      return o;
    }
    case YAML::NodeType::Scalar: break;
  }
  c7n::ScalarValue v = c7n::resolve_scalar(node);
  switch (v.kind) {
    case c7n::ScalarValue::Kind::Null: return nullptr;
    case c7n::ScalarValue::Kind::Bool: return v.boolean;
    case c7n::ScalarValue::Kind::Int: return v.integer;
    case c7n::ScalarValue::Kind::Float:
      if (std::isfinite(v.number)) return v.number;
      return v.text;  // JSON has no infinity or NaN: the YAML text
    case c7n::ScalarValue::Kind::String: break;
  }
  return v.text;
}

namespace {

Json commit_object(const CommitInfo& c) {
  return Json{{"id", c.id}, {"author", c.author}, {"email", c.email}, {"date", c.date}, {"summary", c.summary}};
}

bool file_changed(const PolicyChange& c) {
  return c.kind != PolicyChangeKind::Add && c.kind != PolicyChangeKind::Remove && c.previous.valid() &&
         c.previous.file() != c.policy.file();
}

// The fields every rendering of a policy change carries, as (key, value) text pairs.
Json change_fields(const PolicyChange& c) {
  const c7n::PolicyEntry& e = c.policy.entry();
  Json j{{"policy", e.name},
         {"provider", e.resource.provider},
         {"resource", e.resource.resource},
         {"file", c.policy.file()},
         {"line", e.where.line}};
  j["data"] = policy_data_json(e.node);
  if (c.previous.valid()) {
    const c7n::PolicyEntry& p = c.previous.entry();
    Json prev{{"policy", p.name}, {"file", c.previous.file()}, {"line", p.where.line}};
    prev["data"] = policy_data_json(p.node);
    j[c.kind == PolicyChangeKind::Duplicate ? "kept" : "previous"] = std::move(prev);
  }
  return j;
}

}  // namespace

std::string policy_events_text(const CommitEvents& ev) {
  std::string out;
  for (const PolicyChange& c : ev.policy_changes) {
    const c7n::PolicyEntry& e = c.policy.entry();
    // Names, files and authors come from the repository: escaped, so they cannot write to the terminal.
    out += "<" + std::string(policy_event_name(c.kind)) + " policy:" + text::printable(e.name) +
           " provider:" + text::printable(e.resource.provider) + " resource:" + text::printable(e.resource.resource) +
           " file:" + text::printable(c.policy.file());
    if (c.kind == PolicyChangeKind::Duplicate) {
      out += " line:" + std::to_string(e.where.line) + " kept-file:" + text::printable(c.previous.file()) +
             " kept-line:" + std::to_string(c.previous.entry().where.line);
    } else {
      if (c.kind == PolicyChangeKind::Rename) out += " previous-policy:" + text::printable(c.previous.name());
      if (file_changed(c)) out += " previous-file:" + text::printable(c.previous.file());
    }
    out += " date:" + ev.commit.date + " author:" + text::printable(ev.commit.author) +
           " commit:" + ev.commit.id.substr(0, 7) + ">\n";
  }
  return out;
}

std::vector<Json> policy_event_objects(const CommitEvents& ev) {
  std::vector<Json> out;
  for (const PolicyChange& c : ev.policy_changes) {
    Json j{{"event", policy_event_name(c.kind)}};
    j.update(change_fields(c));
    j["commit"] = commit_object(ev.commit);
    out.push_back(std::move(j));
  }
  return out;
}

bool diff_has_policies(const DiffResult& diff) {
  return !diff.policy_changes.empty() || !diff.before.policy_files.empty() || !diff.after.policy_files.empty();
}

std::string policy_diff_text(const DiffResult& diff) {
  size_t counts[6] = {0, 0, 0, 0, 0, 0};
  for (const PolicyChange& c : diff.policy_changes) ++counts[static_cast<int>(c.kind)];
  auto rev = [](const Revision& r) {
    return (r.commit.empty() ? std::string("0000000") : r.commit.substr(0, 7)) + " (" + r.spec + ")";
  };
  std::string out = "policies " + rev(diff.source) + " .. " + rev(diff.target) + ": ";
  for (int k = 0; k < 6; ++k) {
    out += (k ? ", " : "") + std::to_string(counts[k]) + " " + policy_change_name(static_cast<PolicyChangeKind>(k));
  }
  out += "\n";
  for (const PolicyChange& c : diff.policy_changes) {
    std::string kind = policy_change_name(c.kind);
    const c7n::PolicyEntry& e = c.policy.entry();
    out += "  " + kind + std::string(10 - kind.size(), ' ') + text::printable(e.name) + "  " +
           text::printable(e.resource.qualified()) + "  ";
    if (c.kind == PolicyChangeKind::Duplicate) {
      out += text::printable(c.policy.file()) + ":" + std::to_string(e.where.line) + " (kept " +
             text::printable(c.previous.file()) + ":" + std::to_string(c.previous.entry().where.line) + ")";
    } else {
      out += file_changed(c) ? text::printable(c.previous.file()) + " -> " + text::printable(c.policy.file())
                             : text::printable(c.policy.file());
      if (c.kind == PolicyChangeKind::Rename) out += "  (was " + text::printable(c.previous.name()) + ")";
    }
    out += "\n";
  }
  return out;
}

Json policy_diff_json(const DiffResult& diff) {
  Json changes = Json::array();
  for (const PolicyChange& c : diff.policy_changes) {
    Json j{{"change", policy_change_name(c.kind)}};
    j.update(change_fields(c));
    changes.push_back(std::move(j));
  }
  return changes;
}

}  // namespace edict::history::internal
