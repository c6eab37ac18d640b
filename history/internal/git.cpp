// libgit2 helpers shared by history/: initialisation, error checks, ids, commits, blobs, hashes.
#include "history/internal/git.h"

#include <zlib.h>

#include <cctype>
#include <cstdio>
#include <filesystem>
#include <ctime>
#include <fstream>
#include <mutex>
#include <vector>

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

namespace {
// Why the zlib stream of a loose object file is unusable, or "" when it inflates completely to
// the header's "TYPE SIZE\0" followed by exactly SIZE bytes. Every inflate call must make
// progress, so a truncated or garbled file ends the loop instead of spinning.
std::string loose_problem(const std::string& file) {
  constexpr size_t kMaxObject = size_t{1} << 30;
  std::vector<unsigned char> out(64 * 1024);
  z_stream zs{};
  if (inflateInit(&zs) != Z_OK) return "zlib cannot start";
  std::string header;
  size_t body = 0;
  bool ended = false;
  std::string problem;
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(file.data()));
  zs.avail_in = static_cast<uInt>(file.size());
  while (!ended && problem.empty()) {
    zs.next_out = out.data();
    zs.avail_out = static_cast<uInt>(out.size());
    uInt in_before = zs.avail_in;
    int rc = inflate(&zs, Z_NO_FLUSH);
    size_t produced = out.size() - zs.avail_out;
    if (rc == Z_STREAM_END) {
      ended = true;
    } else if (rc == Z_BUF_ERROR && zs.avail_in == 0) {
      problem = "the file is truncated";  // no input left and the stream has not ended
    } else if (rc != Z_OK) {
      problem = zs.msg != nullptr ? zs.msg : "the compressed data is damaged";
    } else if (produced == 0 && zs.avail_in == in_before) {
      problem = zs.avail_in == 0 ? "the file is truncated" : "the compressed data is damaged";
    }
    for (size_t i = 0; i < produced; ++i) {
      if (header.empty() || header.back() != '\0') {
        header += static_cast<char>(out[i]);
        if (header.size() > 32) problem = "no object header";
      } else {
        body += produced - i;
        break;
      }
    }
    if (body > kMaxObject) problem = "the object is larger than 1 GiB";
  }
  inflateEnd(&zs);
  if (!problem.empty()) return problem;
  size_t space = header.find(' ');
  if (header.empty() || header.back() != '\0' || space == std::string::npos) return "no object header";
  std::string size_text = header.substr(space + 1, header.size() - space - 2);
  if (size_text.empty() || size_text.size() > 12 || size_text.find_first_not_of("0123456789") != std::string::npos) {
    return "a bad size in the object header";
  }
  if (std::stoull(size_text) != body) return "the object holds " + std::to_string(body) + " bytes, its header says " + size_text;
  return "";
}
}  // namespace

void validate_loose_objects(git_repository* repo) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path objects = fs::path(git_repository_path(repo)) / "objects";
  for (fs::directory_iterator dir(objects, ec), end; !ec && dir != end; dir.increment(ec)) {
    std::string prefix = dir->path().filename().string();
    if (prefix.size() != 2 || !std::isxdigit(static_cast<unsigned char>(prefix[0])) ||
        !std::isxdigit(static_cast<unsigned char>(prefix[1])) || !dir->is_directory(ec)) {
      continue;  // pack/, info/ and anything else
    }
    for (fs::directory_iterator obj(dir->path(), ec), oend; !ec && obj != oend; obj.increment(ec)) {
      std::string rest = obj->path().filename().string();
      if (rest.size() != 38 || rest.find_first_not_of("0123456789abcdef") != std::string::npos) continue;
      std::ifstream in(obj->path(), std::ios::binary);
      if (!in) continue;
      std::string file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      std::string problem = loose_problem(file);
      if (!problem.empty()) {
        throw HistoryError("corrupt git object " + prefix + rest + " (" + obj->path().string() + "): " + problem);
      }
    }
  }
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

void walk_earlier_versions(git_repository* repo, const std::string& commit, const std::string& path, git_oid skip,
                           const std::function<bool(const git_oid&)>& visit) {
  std::string at = commit;
  while (true) {
    at = first_parent(lookup_commit(repo, at).get());
    if (at.empty()) return;
    CommitPtr parent = lookup_commit(repo, at);
    TreePtr tree = commit_tree(parent.get());
    git_tree_entry* e = nullptr;
    if (git_tree_entry_bypath(&e, tree.get(), path.c_str()) < 0) return;  // the file begins here
    TreeEntryPtr entry(e);
    if (git_tree_entry_type(e) != GIT_OBJECT_BLOB) return;
    const git_oid* id = git_tree_entry_id(e);
    if (git_oid_equal(id, &skip)) continue;
    skip = *id;
    if (visit(*id)) return;
  }
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
