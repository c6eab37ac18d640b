// Custodian policy history: each revision's policies keyed by name (as c7n-policystream keys
// them), compared into policy-add / -remove / -modified / -moved / -rename / -duplicate events.
// Made by history/policies.cpp from policy files in git; used by stream, diff, the store and render.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "c7n/policy_file.h"

struct git_repository;

namespace edict::history {

// One policy file, parsed from its blob. `ok` is false when it has errors (warnings are fine).
struct ParsedPolicyFile {
  std::string path;
  std::shared_ptr<lang::SourceManager> sources;  // keeps the text the nodes and spans point into
  c7n::PolicyFile file;
  bool ok = true;
  std::string error;                  // the first error on one line ("p.yml:3:1: error[E0501]: ...")
};
// Null when `text` is not a policy file (no top-level `policies:`), which history ignores.
std::shared_ptr<const ParsedPolicyFile> parse_policy_blob(const std::string& path, const std::string& text);

// One policy at one revision: an entry of a parsed file, kept alive with it.
struct PolicyVersion {
  std::shared_ptr<const ParsedPolicyFile> from;
  size_t index = 0;
  const c7n::PolicyEntry& entry() const { return from->file.policies[index]; }
  const std::string& name() const { return entry().name; }
  const std::string& file() const { return from->path; }
  bool valid() const { return from != nullptr; }
};
using PolicyTable = std::map<std::string, PolicyVersion>;  // by policy name

// A name defined again in one revision (same file or another): the table keeps `kept`.
struct PolicyDuplicate {
  PolicyVersion kept, extra;
};

struct PolicyFileState {
  std::string blob;
  std::shared_ptr<const ParsedPolicyFile> current;
  std::shared_ptr<const ParsedPolicyFile> good;  // the last version that parsed (null if none did)
};
using PolicyFiles = std::map<std::string, PolicyFileState>;  // by path

// The policies of one revision's files, the first definition of a name winning (path order, then
// file order); every later definition of the name is a PolicyDuplicate.
void policy_table(const PolicyFiles& files, PolicyTable& table, std::vector<PolicyDuplicate>& duplicates);

enum class PolicyChangeKind { Add, Remove, Modify, Move, Rename, Duplicate };
const char* policy_event_name(PolicyChangeKind k);   // "policy-add", ..., "policy-modified", "policy-moved", ...
const char* policy_change_name(PolicyChangeKind k);  // "added", "removed", "modified", "moved", "renamed", "duplicate"

struct PolicyChange {
  PolicyChangeKind kind = PolicyChangeKind::Add;
  PolicyVersion policy;    // the new version (the last one for Remove; the extra one for Duplicate)
  PolicyVersion previous;  // Modify, Move, Rename: the old version; Duplicate: the one kept
};

// By name, as policystream compares: other data is Modify (even if the file changed too), the same
// data in another file is Move. Better than policystream: a removed and an added policy whose data
// is equal but for the name are one Rename, and a name newly defined twice is a Duplicate.
// Sorted by kind, then name.
std::vector<PolicyChange> compare_policies(const PolicyTable& before, const std::vector<PolicyDuplicate>& before_dups,
                                           const PolicyTable& after, const std::vector<PolicyDuplicate>& after_dups);

// The last version of policy file `path` that parses, looking back along first parents from
// `commit` (whose version, blob `broken`, does not), or null.
std::shared_ptr<const ParsedPolicyFile> last_good_policy_file(git_repository* repo, const std::string& commit,
                                                              const std::string& path, const std::string& broken);

// `policies:` with the policy data of added, modified, moved and renamed policies (not removed or
// duplicate), for `custodian run` or `edict custodian run` on only what changed.
std::string changed_policies_yaml(const std::vector<PolicyChange>& changes);

}  // namespace edict::history
