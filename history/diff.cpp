// The difference between two revisions (with policystream's defaults: the previous commit on the
// default branch, the merge base elsewhere) and the rules changed on disk since a revision.
#include <filesystem>
#include <optional>

#include "engine/rule_sources.h"
#include "history/history.h"
#include "history/internal/git.h"

namespace edict::history {

using namespace internal;
namespace fs = std::filesystem;

namespace {

struct DefaultBranch {
  std::string name;    // main
  std::string commit;  // its tip
  std::string found;   // how it was found, for DiffRange::why
};

std::optional<std::string> ref_commit(git_repository* repo, const std::string& refname) {
  git_oid id;
  if (git_reference_name_to_id(&id, repo, refname.c_str()) < 0) return std::nullopt;
  return oid_hex(id);
}

// origin/HEAD's target (the remote's default branch, preferring the local branch of that name),
// else init.defaultBranch, else main, else master; the first that exists.
std::optional<DefaultBranch> find_default_branch(git_repository* repo) {
  git_reference* r = nullptr;
  if (git_reference_lookup(&r, repo, "refs/remotes/origin/HEAD") == 0) {
    ReferencePtr ref(r);
    const char* target = git_reference_symbolic_target(r);
    const std::string prefix = "refs/remotes/origin/";
    if (target != nullptr && std::string(target).rfind(prefix, 0) == 0) {
      std::string name = std::string(target).substr(prefix.size());
      if (auto c = ref_commit(repo, "refs/heads/" + name)) return DefaultBranch{name, *c, "origin/HEAD"};
      if (auto c = ref_commit(repo, target)) return DefaultBranch{name, *c, "origin/HEAD"};
    }
  }
  git_config* cfg = nullptr;
  if (git_repository_config_snapshot(&cfg, repo) == 0) {
    ConfigPtr config(cfg);
    const char* name = nullptr;
    if (git_config_get_string(&name, cfg, "init.defaultBranch") == 0 && name != nullptr) {
      if (auto c = ref_commit(repo, std::string("refs/heads/") + name))
        return DefaultBranch{name, *c, "init.defaultBranch"};
    }
  }
  for (const char* name : {"main", "master"}) {
    if (auto c = ref_commit(repo, std::string("refs/heads/") + name))
      return DefaultBranch{name, *c, "a branch named " + std::string(name)};
  }
  return std::nullopt;
}

// HEAD's first parent, or the empty tree before a root commit.
Revision previous(const Repository& repo, const std::string& head) {
  std::string parent = first_parent(lookup_commit(repo.raw(), head).get());
  return parent.empty() ? Revision{"(empty tree)", ""} : Revision{"HEAD~1", parent};
}

}  // namespace

DiffRange default_range(const Repository& repo, const std::string& default_branch) {
  if (git_repository_head_unborn(repo.raw()) == 1) throw HistoryError("the repository has no commits yet");
  DiffRange range;
  range.target = {"HEAD", resolve_commit(repo, "HEAD")};
  const std::string& head = range.target.commit;
  std::string branch;
  git_reference* r = nullptr;
  if (git_repository_head(&r, repo.raw()) == 0) {
    ReferencePtr ref(r);
    if (git_reference_is_branch(r) == 1) branch = git_reference_shorthand(r);
  }
  std::optional<DefaultBranch> def;
  if (default_branch.empty()) {
    def = find_default_branch(repo.raw());
  } else if (auto c = ref_commit(repo.raw(), "refs/heads/" + default_branch)) {
    def = DefaultBranch{default_branch, *c, "--default-branch"};
  } else if (auto rc = ref_commit(repo.raw(), "refs/remotes/origin/" + default_branch)) {
    def = DefaultBranch{default_branch, *rc, "--default-branch"};
  } else {
    throw HistoryError("--default-branch '" + default_branch + "' is not a branch of the repository");
  }
  if (!def) {
    range.source = previous(repo, head);
    range.why = "no default branch (origin/HEAD, init.defaultBranch, main, master): the previous commit against HEAD";
    return range;
  }
  if (branch == def->name) {
    range.source = previous(repo, head);
    range.why = "on the default branch '" + def->name + "' (" + def->found + "): the previous commit against HEAD";
    return range;
  }
  git_oid base, a = oid_from_hex(def->commit), b = oid_from_hex(head);
  if (git_merge_base(&base, repo.raw(), &a, &b) < 0) {
    throw HistoryError("HEAD and the default branch '" + def->name + "' have no common ancestor; give SOURCE");
  }
  std::string where = branch.empty() ? "a detached HEAD" : "branch '" + branch + "'";
  if (oid_hex(base) == head) {
    range.source = previous(repo, head);
    range.why = where + " is contained in the default branch '" + def->name + "': the previous commit against HEAD";
    return range;
  }
  range.source = {"merge-base(" + def->name + ", HEAD)", oid_hex(base)};
  range.why =
      "on " + where + ": the merge base with the default branch '" + def->name + "' (" + def->found + ") against HEAD";
  return range;
}

DiffResult diff(const Repository& repo, const std::string& source, const std::string& target,
                const PathFilter& filter, const std::string& default_branch) {
  DiffResult r;
  if (source.empty()) {
    DiffRange range = default_range(repo, default_branch);
    r.source = range.source;
    r.target = range.target;
    r.why = range.why;
  } else {
    r.source = {source, resolve_commit(repo, source)};
    r.target = target.empty() ? Revision{"HEAD", resolve_commit(repo, "HEAD")}
                              : Revision{target, resolve_commit(repo, target)};
  }
  r.before = snapshot_at(repo, r.source.commit, filter);
  r.after = snapshot_at(repo, r.target.commit, filter);
  r.changes = compare(r.before.rules, r.after.rules);
  r.policy_changes = compare_policies(r.before.policies, r.before.duplicates, r.after.policies, r.after.duplicates);
  r.errors = r.after.errors();
  return r;
}

std::vector<std::string> changed_since(const Repository& repo, const std::string& rev,
                                       const std::vector<std::string>& rule_paths) {
  std::string commit = resolve_commit(repo, rev);
  std::string workdir = repo.workdir();
  if (workdir.empty()) throw HistoryError("the repository has no work tree to compare with");
  // The same files in git: each rule path, relative to the work tree root.
  std::error_code ec;
  fs::path root = fs::weakly_canonical(workdir, ec);
  PathFilter filter;
  for (const std::string& p : rule_paths) {
    fs::path rel = fs::weakly_canonical(fs::absolute(p), ec).lexically_relative(root);
    if (rel.empty() || *rel.begin() == "..") continue;  // outside the repository: every rule is new
    filter.prefixes.push_back(rel == "." ? "" : rel.generic_string());
  }
  RuleTable before;
  if (!filter.prefixes.empty()) before = snapshot_at(repo, commit, filter).rules;

  lang::SourceManager sources;
  std::string error;
  if (!engine::add_rule_paths(sources, rule_paths, error)) throw HistoryError(error);
  std::vector<std::shared_ptr<const ParsedFile>> parsed;
  std::vector<const ParsedFile*> files;
  for (uint32_t i = 0; i < sources.size(); ++i) {
    parsed.push_back(parse_rule_file(sources.file(i).path(), sources.file(i).text()));
    files.push_back(parsed.back().get());
  }
  std::vector<std::string> changed;
  for (const auto& [id, now] : rule_table(files)) {
    auto it = before.find(id);
    if (it == before.end() || !(it->second.fingerprint == now.fingerprint)) changed.push_back(id);
  }
  return changed;
}

}  // namespace edict::history
