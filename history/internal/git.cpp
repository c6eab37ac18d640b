// libgit2 helpers shared by history/: initialisation, error checks, ids, commits, blobs, hashes.
#include "history/internal/git.h"

#include <cstdio>
#include <ctime>
#include <mutex>

namespace edict::history::internal {

void ensure_libgit2() {
  static std::once_flag once;
  std::call_once(once, [] { git_libgit2_init(); });
}

void check(int rc, const std::string& what) {
  if (rc >= 0) return;
  const git_error* e = git_error_last();
  std::string why = e != nullptr && e->message != nullptr ? e->message : "libgit2 error " + std::to_string(rc);
  throw HistoryError(what + ": " + why);
}

std::string oid_hex(const git_oid& id) {
  char buf[GIT_OID_HEXSZ + 1];
  git_oid_tostr(buf, sizeof buf, &id);
  return buf;
}

git_oid oid_from_hex(const std::string& hex) {
  git_oid id;
  check(git_oid_fromstr(&id, hex.c_str()), "bad object id '" + hex + "'");
  return id;
}

CommitPtr lookup_commit(git_repository* repo, const std::string& id) {
  git_oid oid = oid_from_hex(id);
  git_commit* c = nullptr;
  check(git_commit_lookup(&c, repo, &oid), "cannot read commit " + id);
  return CommitPtr(c);
}

TreePtr commit_tree(const git_commit* commit) {
  git_tree* t = nullptr;
  check(git_commit_tree(&t, commit), "cannot read the tree of commit " + oid_hex(*git_commit_id(commit)));
  return TreePtr(t);
}

std::string blob_text(git_repository* repo, const git_oid& id) {
  git_blob* b = nullptr;
  check(git_blob_lookup(&b, repo, &id), "cannot read blob " + oid_hex(id));
  BlobPtr blob(b);
  const char* data = static_cast<const char*>(git_blob_rawcontent(b));
  return std::string(data, static_cast<size_t>(git_blob_rawsize(b)));
}

std::string first_parent(const git_commit* commit) {
  if (git_commit_parentcount(commit) == 0) return {};
  return oid_hex(*git_commit_parent_id(commit, 0));
}

namespace {
// 2024-05-01T10:00:00+02:00: the author's local time with the offset git recorded.
std::string iso_date(const git_time& when) {
  std::time_t local = static_cast<std::time_t>(when.time + static_cast<git_time_t>(when.offset) * 60);
  std::tm tm{};
  gmtime_r(&local, &tm);
  char buf[96];
  int off = when.offset < 0 ? -when.offset : when.offset;
  char sign = when.offset < 0 || when.sign == '-' ? '-' : '+';
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", tm.tm_year + 1900, tm.tm_mon + 1,
                tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, sign, off / 60, off % 60);
  return buf;
}
}  // namespace

CommitInfo commit_info(git_commit* commit) {
  CommitInfo info;
  info.id = oid_hex(*git_commit_id(commit));
  info.parent = first_parent(commit);
  if (const git_signature* a = git_commit_author(commit)) {
    info.author = a->name != nullptr ? a->name : "";
    info.email = a->email != nullptr ? a->email : "";
    info.date = iso_date(a->when);
  }
  const char* summary = git_commit_summary(commit);
  info.summary = summary != nullptr ? summary : "";
  return info;
}

std::string hash_hex(const std::string& data) {
  ensure_libgit2();
  git_oid id;
  check(git_odb_hash(&id, data.data(), data.size(), GIT_OBJECT_BLOB), "cannot hash");
  return oid_hex(id);
}

}  // namespace edict::history::internal
