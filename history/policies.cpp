// Custodian policy history (history/policies.h): parsing policy blobs, one revision's policy
// table with its duplicate names, and the comparison of two tables into policy events.
#include "history/policies.h"

#include <algorithm>
#include <set>

#include "history/internal/git.h"

namespace edict::history {

using namespace internal;

std::shared_ptr<const ParsedPolicyFile> parse_policy_blob(const std::string& path, const std::string& text) {
  if (!c7n::is_policy_file(path, text)) return nullptr;
  auto out = std::make_shared<ParsedPolicyFile>();
  out->path = path;
  out->sources = std::make_shared<lang::SourceManager>();
  lang::DiagnosticSink sink;
  out->file = c7n::parse_policy_text(path, text, *out->sources, sink);
  out->ok = out->file.ok;
  for (const lang::Diagnostic& d : sink.sorted()) {
    if (d.severity != lang::Severity::Error) continue;  // duplicate names are events, not errors
    std::string r = lang::render(d, *out->sources);
    out->error = r.substr(0, r.find('\n'));
    break;
  }
  return out;
}

void policy_table(const PolicyFiles& files, PolicyTable& table, std::vector<PolicyDuplicate>& duplicates) {
  table.clear();
  duplicates.clear();
  for (const auto& [path, state] : files) {  // path order
    if (!state.good) continue;
    for (size_t i = 0; i < state.good->file.policies.size(); ++i) {
      PolicyVersion v{state.good, i};
      auto [it, fresh] = table.emplace(v.name(), v);
      if (!fresh) duplicates.push_back({it->second, v});
    }
  }
}

const char* policy_event_name(PolicyChangeKind k) {
  switch (k) {
    case PolicyChangeKind::Add: return "policy-add";
    case PolicyChangeKind::Remove: return "policy-remove";
    case PolicyChangeKind::Modify: return "policy-modified";
    case PolicyChangeKind::Move: return "policy-moved";
    case PolicyChangeKind::Rename: return "policy-rename";
    case PolicyChangeKind::Duplicate: return "policy-duplicate";
  }
  return "?";
}

const char* policy_change_name(PolicyChangeKind k) {
  switch (k) {
    case PolicyChangeKind::Add: return "added";
    case PolicyChangeKind::Remove: return "removed";
    case PolicyChangeKind::Modify: return "modified";
    case PolicyChangeKind::Move: return "moved";
    case PolicyChangeKind::Rename: return "renamed";
    case PolicyChangeKind::Duplicate: return "duplicate";
  }
  return "?";
}

namespace {

// A duplicate is new when the revision before had no extra definition of that name in that file
// with that data: an unchanged duplicate is reported once, when it appears.
std::string duplicate_key(const PolicyDuplicate& d) {
  return d.extra.name() + '\n' + d.extra.file() + '\n' + d.extra.entry().canonical;
}

}  // namespace

std::vector<PolicyChange> compare_policies(const PolicyTable& before, const std::vector<PolicyDuplicate>& before_dups,
                                           const PolicyTable& after, const std::vector<PolicyDuplicate>& after_dups) {
  std::vector<PolicyChange> removed, added, out;
  for (const auto& [name, old] : before) {
    auto it = after.find(name);
    if (it == after.end()) {
      removed.push_back({PolicyChangeKind::Remove, old, {}});
    } else if (it->second.entry().canonical != old.entry().canonical) {
      out.push_back({PolicyChangeKind::Modify, it->second, old});
    } else if (it->second.file() != old.file()) {
      out.push_back({PolicyChangeKind::Move, it->second, old});
    }
  }
  for (const auto& [name, now] : after) {
    if (before.find(name) == before.end()) added.push_back({PolicyChangeKind::Add, now, {}});
  }
  // A rename: the removed policy's data, but for its name, is an added one's. Each pairs once, in
  // name order, so two identical bodies renamed at once pair deterministically.
  std::vector<bool> paired(added.size(), false);
  for (PolicyChange& r : removed) {
    for (size_t i = 0; i < added.size(); ++i) {
      if (paired[i] || added[i].policy.entry().canonical_body != r.policy.entry().canonical_body) continue;
      paired[i] = true;
      out.push_back({PolicyChangeKind::Rename, added[i].policy, r.policy});
      r.kind = PolicyChangeKind::Rename;  // consumed
      break;
    }
  }
  for (const PolicyChange& r : removed)
    if (r.kind == PolicyChangeKind::Remove) out.push_back(r);
  for (size_t i = 0; i < added.size(); ++i)
    if (!paired[i]) out.push_back(added[i]);
  std::set<std::string> known;
  for (const PolicyDuplicate& d : before_dups) known.insert(duplicate_key(d));
  for (const PolicyDuplicate& d : after_dups) {
    if (known.insert(duplicate_key(d)).second) out.push_back({PolicyChangeKind::Duplicate, d.extra, d.kept});
  }
  std::stable_sort(out.begin(), out.end(), [](const PolicyChange& a, const PolicyChange& b) {
    if (a.kind != b.kind) return a.kind < b.kind;
    return a.policy.name() < b.policy.name();
  });
  return out;
}

std::shared_ptr<const ParsedPolicyFile> last_good_policy_file(git_repository* repo, const std::string& commit,
                                                              const std::string& path, const std::string& broken) {
  std::shared_ptr<const ParsedPolicyFile> found;
  walk_earlier_versions(repo, commit, path, oid_from_hex(broken), [&](const git_oid& id) {
    auto parsed = parse_policy_blob(path, blob_text(repo, id));
    if (parsed == nullptr) return true;  // not a policy file then: it holds no policies to keep
    if (parsed->ok) found = parsed;
    return parsed->ok;
  });
  return found;
}

std::string changed_policies_yaml(const std::vector<PolicyChange>& changes) {
  std::vector<const c7n::PolicyEntry*> entries;
  for (const PolicyChange& c : changes) {
    if (c.kind == PolicyChangeKind::Remove || c.kind == PolicyChangeKind::Duplicate) continue;
    entries.push_back(&c.policy.entry());
  }
  return c7n::policies_yaml(entries);
}

}  // namespace edict::history
