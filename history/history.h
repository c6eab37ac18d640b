// Rule history over git: each revision's rules keyed by id with a fingerprint of their meaning,
// the per-commit change stream over first-parent history, and the difference between two revisions.
// Made from a repository with libgit2; used by `edict stream`, `edict diff` and `evaluate --changed-since`.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "history/policies.h"
#include "lang/ast.h"
#include "lang/source.h"

struct git_repository;

namespace edict::history {

// History could not be read: not a repository, an unknown revision, a missing object.
class HistoryError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// --- rule identity and meaning (history/fingerprint.cpp) ---

// A rule's meaning in parts, each a hash of the canonical form of its AST: comments, layout and the
// names of bound variables never count, and a called def counts by its own meaning, resolved in
// the same revision (so changing a def changes the guard or asserts of every rule that calls it).
struct Fingerprint {
  std::string metadata;  // title, severity, category, remediation, controls, other keys, messages
  std::string types;     // `on` types (and `on data`)
  std::string guard;     // `when`
  std::string asserts;   // every assert, in order
  std::string package;
  bool operator==(const Fingerprint&) const = default;
  std::string combined() const;  // one hash of all parts
};

// The parts that differ, in the order metadata, types, guard, asserts, package.
std::vector<std::string> changed_parts(const Fingerprint& before, const Fingerprint& after);

// One rule at one revision.
struct RuleVersion {
  std::string id;
  std::string package;
  std::string severity;  // as written, "medium" when absent (the compiler's default)
  std::string file;      // repository-relative path
  std::vector<std::string> types;
  Fingerprint fingerprint;
};
using RuleTable = std::map<std::string, RuleVersion>;  // by rule id

// One rule file, parsed. `ok` is false when it has syntax errors (an empty file is fine).
struct ParsedFile {
  std::string path;
  std::shared_ptr<lang::SourceManager> sources;  // file 0 holds the text
  lang::Module module;
  bool ok = true;
  std::string error;  // the first diagnostic on one line ("a.edict:3:7: error[E0101]: ...")
};
std::shared_ptr<const ParsedFile> parse_rule_file(std::string path, std::string text);

// The rules of one revision's files. An id defined twice keeps its first definition in path order.
RuleTable rule_table(const std::vector<const ParsedFile*>& files);

// --- comparing two rule tables (history/fingerprint.cpp) ---

enum class ChangeKind { Add, Remove, Modify, Move };
const char* change_name(ChangeKind k);  // "added", "removed", "modified", "moved" (edict diff)
const char* event_name(ChangeKind k);   // "rule-add", "rule-remove", "rule-modify", "rule-move" (stream)

struct RuleChange {
  ChangeKind kind = ChangeKind::Add;
  RuleVersion rule;                // the new version (the last one for Remove)
  RuleVersion previous;            // Modify and Move: the old version (its file is the previous file)
  std::vector<std::string> parts;  // Modify: changed_parts()
};
// By rule id. A changed meaning is Modify (even if the file changed too); else a changed file is Move.
std::vector<RuleChange> compare(const RuleTable& before, const RuleTable& after);

// --- repositories and revisions (history/snapshot.cpp) ---

// An open repository (move-only).
class Repository {
 public:
  static Repository open(const std::string& path);      // exactly this work tree or .git directory
  static Repository discover(const std::string& path);  // the repository containing `path`
  static Repository open_raw(git_repository* r);        // takes ownership
  Repository(Repository&&) noexcept;
  Repository& operator=(Repository&&) noexcept;
  ~Repository();
  git_repository* raw() const { return repo_; }
  std::string workdir() const;  // absolute, with a trailing '/'; empty for a bare repository

 private:
  explicit Repository(git_repository* r) : repo_(r) {}
  git_repository* repo_ = nullptr;
};

// The full id of the commit `rev` names (any revspec). HistoryError when there is none.
std::string resolve_commit(const Repository& repo, const std::string& rev);

// Which files are rule files: `*.edict`, below one of `prefixes` (files or directories, relative to
// the work tree root) when there are any. Policy files are `*.yml`/`*.yaml` below the same
// prefixes; only those with a top-level `policies:` count (parse_policy_blob).
struct PathFilter {
  std::vector<std::string> prefixes;
  bool matches(const std::string& path) const;
  bool matches_policy(const std::string& path) const;
};

struct FileError {
  std::string file;
  std::string message;    // ParsedFile::error (ParsedPolicyFile::error)
  size_t kept_rules = 0;  // rules (policies) of the last version that parsed, still counted as present
};

struct FileState {
  std::string blob;                           // blob id at this revision
  std::shared_ptr<const ParsedFile> current;  // as parsed at this revision
  std::shared_ptr<const ParsedFile> good;     // the last version that parsed (null if none did)
};

// The rule files of one commit. A file that does not parse contributes its last good version (found
// along first parents), so a syntax error never looks like every rule of the file was removed.
struct Snapshot {
  std::string commit;  // empty: the empty tree
  std::map<std::string, FileState> files;
  RuleTable rules;
  PolicyFiles policy_files;  // Custodian policy files, each with its last version that parsed
  PolicyTable policies;
  std::vector<PolicyDuplicate> duplicates;  // names defined twice in `policies`' revision
  std::vector<const ParsedFile*> good_files() const;
  std::vector<FileError> errors() const;  // files whose version at this commit does not parse
  void refresh();                         // recomputes `rules` from `files`
  void refresh_policies();                // recomputes `policies` and `duplicates` from `policy_files`
};
Snapshot snapshot_at(const Repository& repo, const std::string& commit, const PathFilter& filter = {});

// --- the change stream (history/stream.cpp) ---

struct CommitInfo {
  std::string id, parent;  // full ids; parent empty for a root commit
  std::string author, email;
  std::string date;  // author date, ISO 8601 with the author's offset
  std::string summary;
};

struct CommitEvents {
  CommitInfo commit;
  std::vector<FileError> errors;    // files changed by this commit that do not parse
  std::vector<RuleChange> changes;  // against the first parent
  std::vector<PolicyChange> policy_changes;
};

struct StreamOptions {
  std::string since;  // only commits not reachable from this revision
  PathFilter filter;
  std::function<bool(const std::string& commit)> skip;  // already processed (--db)
};

// Walks HEAD's first-parent history oldest first and calls `sink` once per commit not skipped,
// with its changes against its first parent. A merge is compared with its first parent, so a
// merged branch's changes are reported once, at the merge.
void stream(const Repository& repo, const StreamOptions& opts, const std::function<void(const CommitEvents&)>& sink);

// --- the difference between two revisions (history/diff.cpp) ---

struct Revision {
  std::string spec;    // as given or chosen ("HEAD~1"); "(empty tree)" for before a root commit
  std::string commit;  // full id; empty for the empty tree
};

// The default range: on the default branch (or when HEAD is contained in it) HEAD's first parent
// against HEAD; on another branch the merge base with the default branch against HEAD. `why`
// says how the range was chosen. The default branch is origin/HEAD's target, else
// init.defaultBranch, else main, else master; `default_branch`, when given, names it instead.
struct DiffRange {
  Revision source, target;
  std::string why;
};
DiffRange default_range(const Repository& repo, const std::string& default_branch = "");

struct DiffResult {
  Revision source, target;
  std::string why;  // DiffRange::why when the default range was used
  Snapshot before, after;
  std::vector<RuleChange> changes;
  std::vector<PolicyChange> policy_changes;
  std::vector<FileError> errors;  // rule and policy files that do not parse at the target
};
// An empty source takes the default range (with `default_branch` as for default_range); an empty
// target is HEAD.
DiffResult diff(const Repository& repo, const std::string& source, const std::string& target,
                const PathFilter& filter = {}, const std::string& default_branch = "");

// The ids of rules added or modified in the rule files at `rule_paths` on disk (what `evaluate`
// compiles) since commit `rev`, whose version is read from the same paths in git.
std::vector<std::string> changed_since(const Repository& repo, const std::string& rev,
                                       const std::vector<std::string>& rule_paths);

}  // namespace edict::history
