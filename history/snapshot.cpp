// Repositories, revisions and snapshots: the rule files of one commit, each parsed from its blob
// (never from the work tree), with a broken file standing in for its last version that parsed.
#include <algorithm>
#include <filesystem>

#include "history/history.h"
#include "history/internal/git.h"

namespace edict::history {

using namespace internal;

namespace {

Repository open_with(const std::string& path, unsigned flags, const char* what) {
  ensure_libgit2();
  git_repository* r = nullptr;
  if (git_repository_open_ext(&r, path.c_str(), flags, nullptr) < 0) {
    throw HistoryError("'" + path + "' is not a git repository" + what);
  }
  return Repository::open_raw(r);
}

struct WalkState {
  const PathFilter* filter;
  std::vector<std::pair<std::string, git_oid>> files;
  std::vector<std::pair<std::string, git_oid>> policy_files;
};

int collect_rule_file(const char* root, const git_tree_entry* entry, void* payload) {
  auto* st = static_cast<WalkState*>(payload);
  git_filemode_t mode = git_tree_entry_filemode(entry);
  if (mode != GIT_FILEMODE_BLOB && mode != GIT_FILEMODE_BLOB_EXECUTABLE) return 0;
  std::string path = std::string(root) + git_tree_entry_name(entry);
  if (st->filter->matches(path)) st->files.emplace_back(path, *git_tree_entry_id(entry));
  if (st->filter->matches_policy(path)) st->policy_files.emplace_back(path, *git_tree_entry_id(entry));
  return 0;
}

// The last version of `path` that parses, looking back along first parents from `commit` (whose
// version does not), or null when the file never parsed since it last appeared.
std::shared_ptr<const ParsedFile> last_good(git_repository* repo, const std::string& commit, const std::string& path,
                                            git_oid broken) {
  std::shared_ptr<const ParsedFile> found;
  walk_earlier_versions(repo, commit, path, broken, [&](const git_oid& id) {
    auto parsed = parse_rule_file(path, blob_text(repo, id));
    if (parsed->ok) found = parsed;
    return parsed->ok;
  });
  return found;
}

}  // namespace

Repository Repository::open(const std::string& path) {
  return open_with(path, GIT_REPOSITORY_OPEN_NO_SEARCH, " (give the work tree root or the .git directory)");
}

Repository Repository::discover(const std::string& path) {
  std::error_code ec;
  std::filesystem::path start(path);
  if (std::filesystem::is_regular_file(start, ec)) start = start.parent_path();
  if (start.empty()) start = ".";
  return open_with(start.string(), 0, " and is not inside one");
}

Repository Repository::open_raw(git_repository* r) {
  Repository repo(r);  // owns r from here, also when the check below throws
  validate_loose_objects(r);
  return repo;
}
Repository::Repository(Repository&& o) noexcept : repo_(o.repo_) { o.repo_ = nullptr; }
Repository& Repository::operator=(Repository&& o) noexcept {
  std::swap(repo_, o.repo_);
  return *this;
}
Repository::~Repository() {
  if (repo_ != nullptr) git_repository_free(repo_);
}

std::string Repository::workdir() const {
  const char* w = git_repository_workdir(repo_);
  return w != nullptr ? w : "";
}

std::string resolve_commit(const Repository& repo, const std::string& rev) {
  git_object* obj = nullptr;
  if (git_revparse_single(&obj, repo.raw(), rev.c_str()) < 0) {
    throw HistoryError("unknown revision '" + rev + "'");
  }
  ObjectPtr owned(obj);
  git_object* peeled = nullptr;
  if (git_object_peel(&peeled, obj, GIT_OBJECT_COMMIT) < 0) throw HistoryError("'" + rev + "' does not name a commit");
  ObjectPtr commit(peeled);
  return oid_hex(*git_object_id(peeled));
}

namespace {

bool under_prefixes(const std::vector<std::string>& prefixes, const std::string& path) {
  if (prefixes.empty()) return true;
  return std::any_of(prefixes.begin(), prefixes.end(), [&](const std::string& p) {
    if (p.empty()) return true;
    std::string dir = p.back() == '/' ? p : p + "/";
    return path == p || path.compare(0, dir.size(), dir) == 0;
  });
}

}  // namespace

bool PathFilter::matches(const std::string& path) const {
  if (path.size() < 6 || path.compare(path.size() - 6, 6, ".edict") != 0) return false;
  return under_prefixes(prefixes, path);
}

bool PathFilter::matches_policy(const std::string& path) const {
  return c7n::has_policy_extension(path) && under_prefixes(prefixes, path);
}

std::vector<const ParsedFile*> Snapshot::good_files() const {
  std::vector<const ParsedFile*> out;
  for (const auto& [path, f] : files) {
    if (f.good) out.push_back(f.good.get());
  }
  return out;
}

std::vector<FileError> Snapshot::errors() const {
  std::vector<FileError> out;
  for (const auto& [path, f] : files) {
    if (f.current && !f.current->ok) out.push_back({path, f.current->error, f.good ? f.good->module.rules.size() : 0});
  }
  for (const auto& [path, f] : policy_files) {
    if (f.current && !f.current->ok) out.push_back({path, f.current->error, f.good ? f.good->file.policies.size() : 0});
  }
  return out;
}

void Snapshot::refresh() { rules = rule_table(good_files()); }
void Snapshot::refresh_policies() { policy_table(policy_files, policies, duplicates); }

Snapshot snapshot_at(const Repository& repo, const std::string& commit, const PathFilter& filter) {
  Snapshot snap;
  snap.commit = commit;
  if (commit.empty()) return snap;
  CommitPtr c = lookup_commit(repo.raw(), commit);
  TreePtr tree = commit_tree(c.get());
  WalkState st{&filter, {}, {}};
  int rc = git_tree_walk(tree.get(), GIT_TREEWALK_PRE, collect_rule_file, &st);
  check(rc, "cannot read the tree of " + commit);
  for (const auto& [path, id] : st.files) {
    FileState& f = snap.files[path];
    f.blob = oid_hex(id);
    f.current = parse_rule_file(path, blob_text(repo.raw(), id));
    f.good = f.current->ok ? f.current : last_good(repo.raw(), commit, path, id);
  }
  for (const auto& [path, id] : st.policy_files) {
    auto parsed = parse_policy_blob(path, blob_text(repo.raw(), id));
    if (parsed == nullptr) continue;  // YAML, but not a policy file
    PolicyFileState& f = snap.policy_files[path];
    f.blob = oid_hex(id);
    f.current = parsed;
    f.good = parsed->ok ? parsed : last_good_policy_file(repo.raw(), commit, path, f.blob);
  }
  snap.refresh();
  snap.refresh_policies();
  return snap;
}

}  // namespace edict::history
