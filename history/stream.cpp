// The change stream: HEAD's first-parent history oldest first, each commit compared with its first
// parent by advancing a running snapshot through the rule files the commit touched.
#include "history/history.h"
#include "history/internal/git.h"

namespace edict::history {

using namespace internal;

namespace {

// HEAD's first-parent chain, oldest first, without the commits reachable from `since`.
std::vector<std::string> first_parent_chain(const Repository& repo, const std::string& since) {
  git_oid hidden;
  if (!since.empty()) hidden = oid_from_hex(resolve_commit(repo, since));
  if (git_repository_head_unborn(repo.raw()) == 1) return {};  // no commits yet: nothing to stream
  git_revwalk* w = nullptr;
  check(git_revwalk_new(&w, repo.raw()), "cannot walk history");
  RevwalkPtr walk(w);
  check(git_revwalk_sorting(w, GIT_SORT_TOPOLOGICAL | GIT_SORT_REVERSE), "cannot walk history");
  check(git_revwalk_push_head(w), "cannot read HEAD");
  check(git_revwalk_simplify_first_parent(w), "cannot walk history");
  if (!since.empty()) check(git_revwalk_hide(w, &hidden), "cannot walk history from '" + since + "'");
  std::vector<std::string> chain;
  git_oid id;
  int rc = 0;
  while ((rc = git_revwalk_next(&id, w)) == 0) chain.push_back(oid_hex(id));
  if (rc != GIT_ITEROVER) check(rc, "cannot walk history");
  return chain;
}

bool is_blob(uint16_t mode) { return mode == GIT_FILEMODE_BLOB || mode == GIT_FILEMODE_BLOB_EXECUTABLE; }

// Moves the policy file `path` of `state` to its version after `delta`; true when it is (or was)
// a policy file. A file that stops being one (its `policies:` gone) holds no policies from then on.
bool advance_policy_file(const Repository& repo, Snapshot& state, const git_diff_delta& delta, const std::string& path,
                         CommitEvents& ev) {
  bool was = state.policy_files.count(path) != 0;
  if (delta.status == GIT_DELTA_DELETED || !is_blob(delta.new_file.mode)) {
    state.policy_files.erase(path);
    return was;
  }
  auto parsed = parse_policy_blob(path, blob_text(repo.raw(), delta.new_file.id));
  if (parsed == nullptr) {
    state.policy_files.erase(path);
    return was;
  }
  PolicyFileState& f = state.policy_files[path];
  f.blob = oid_hex(delta.new_file.id);
  f.current = parsed;
  if (parsed->ok) {
    f.good = parsed;
  } else {
    ev.errors.push_back({path, parsed->error, f.good ? f.good->file.policies.size() : 0});
  }
  return true;
}

// Moves `state` (the snapshot of commit's first parent) to `commit`, reparsing only the rule files
// the commit touched, and returns the commit's events.
CommitEvents advance(const Repository& repo, Snapshot& state, git_commit* commit, const PathFilter& filter) {
  CommitEvents ev;
  ev.commit = commit_info(commit);
  TreePtr after = commit_tree(commit);
  TreePtr before;
  if (!state.commit.empty()) before = commit_tree(lookup_commit(repo.raw(), state.commit).get());
  // The init function, not GIT_DIFF_OPTIONS_INIT: clang's -Wmissing-field-initializers rejects
  // the macro's partial aggregate.
  git_diff_options opts;
  check(git_diff_options_init(&opts, GIT_DIFF_OPTIONS_VERSION), "cannot set up a diff");
  git_diff* d = nullptr;
  check(git_diff_tree_to_tree(&d, repo.raw(), before.get(), after.get(), &opts), "cannot diff commit " + ev.commit.id);
  DiffPtr diff(d);
  bool touched = false, policies_touched = false;
  // Without rename detection a rename is a deletion and an addition; rule identity is the id, so
  // the rules of a renamed file come out as moves all the same.
  for (size_t i = 0, n = git_diff_num_deltas(d); i < n; ++i) {
    const git_diff_delta* delta = git_diff_get_delta(d, i);
    std::string path = delta->new_file.path != nullptr ? delta->new_file.path : "";  // == old_file.path
    if (filter.matches_policy(path)) {
      policies_touched |= advance_policy_file(repo, state, *delta, path, ev);
      continue;
    }
    if (!filter.matches(path)) continue;
    touched = true;
    if (delta->status == GIT_DELTA_DELETED || !is_blob(delta->new_file.mode)) {
      state.files.erase(path);
      continue;
    }
    FileState& f = state.files[path];  // a new entry has no good version yet
    f.blob = oid_hex(delta->new_file.id);
    f.current = parse_rule_file(path, blob_text(repo.raw(), delta->new_file.id));
    if (f.current->ok) {
      f.good = f.current;
    } else {
      ev.errors.push_back({path, f.current->error, f.good ? f.good->module.rules.size() : 0});
    }
  }
  state.commit = ev.commit.id;
  if (touched) {
    RuleTable before_rules = std::move(state.rules);
    state.refresh();
    ev.changes = compare(before_rules, state.rules);
  }
  if (policies_touched) {
    PolicyTable before_policies = std::move(state.policies);
    std::vector<PolicyDuplicate> before_dups = std::move(state.duplicates);
    state.refresh_policies();
    ev.policy_changes = compare_policies(before_policies, before_dups, state.policies, state.duplicates);
  }
  return ev;
}

}  // namespace

void stream(const Repository& repo, const StreamOptions& opts, const std::function<void(const CommitEvents&)>& sink) {
  std::vector<std::string> chain = first_parent_chain(repo, opts.since);
  Snapshot state;
  bool have_state = false;
  for (const std::string& id : chain) {
    if (opts.skip && opts.skip(id)) continue;
    CommitPtr commit = lookup_commit(repo.raw(), id);
    std::string parent = first_parent(commit.get());
    // Rebuilt from the parent's tree when the walk did not just produce it (the first commit,
    // or after commits that were skipped as already processed).
    if (!have_state || state.commit != parent) {
      state = snapshot_at(repo, parent, opts.filter);
      have_state = true;
    }
    sink(advance(repo, state, commit.get(), opts.filter));
  }
}

}  // namespace edict::history
