// libgit2 helpers for history/: owning pointers for libgit2 objects, error checks that throw
// HistoryError with libgit2's own message, and the few lookups every history file needs.
#pragma once

#include <git2.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "history/history.h"

namespace edict::history::internal {

// libgit2 needs one git_libgit2_init() per process before any call; it is never shut down.
void ensure_libgit2();

template <typename T, void (*Free)(T*)>
struct GitDeleter {
  void operator()(T* p) const { Free(p); }
};
using CommitPtr = std::unique_ptr<git_commit, GitDeleter<git_commit, git_commit_free>>;
using TreePtr = std::unique_ptr<git_tree, GitDeleter<git_tree, git_tree_free>>;
using TreeEntryPtr = std::unique_ptr<git_tree_entry, GitDeleter<git_tree_entry, git_tree_entry_free>>;
using BlobPtr = std::unique_ptr<git_blob, GitDeleter<git_blob, git_blob_free>>;
using ObjectPtr = std::unique_ptr<git_object, GitDeleter<git_object, git_object_free>>;
using ReferencePtr = std::unique_ptr<git_reference, GitDeleter<git_reference, git_reference_free>>;
using DiffPtr = std::unique_ptr<git_diff, GitDeleter<git_diff, git_diff_free>>;
using RevwalkPtr = std::unique_ptr<git_revwalk, GitDeleter<git_revwalk, git_revwalk_free>>;
using ConfigPtr = std::unique_ptr<git_config, GitDeleter<git_config, git_config_free>>;

// Throws HistoryError("<what>: <libgit2's message>") when rc < 0.
void check(int rc, const std::string& what);

std::string oid_hex(const git_oid& id);
git_oid oid_from_hex(const std::string& hex);

// Throws HistoryError naming the first loose object of the repository whose file is damaged
// (truncated, garbled, or not matching its header). libgit2 1.5 (Debian 12) loops forever
// inflating some truncated loose objects, in lookups as well as inside its revision walk and tree
// diff, so Repository::open_raw checks every loose object once, before libgit2 reads any. Packed
// objects carry a CRC and are left to libgit2; git writes new objects whole (a temporary file,
// then a rename), so objects added while edict runs need no check.
void validate_loose_objects(git_repository* repo);

CommitPtr lookup_commit(git_repository* repo, const std::string& id);
TreePtr commit_tree(const git_commit* commit);
// The text of a blob.
std::string blob_text(git_repository* repo, const git_oid& id);

// The first parent's id, or empty for a root commit.
std::string first_parent(const git_commit* commit);

// The earlier versions of `path`, looking back along first parents from `commit` (whose version
// is blob `skip`), each distinct version once: `visit` gets its blob id and returns true to stop.
// The walk ends where the file is absent (it begins there) or is not a blob.
void walk_earlier_versions(git_repository* repo, const std::string& commit, const std::string& path, git_oid skip,
                           const std::function<bool(const git_oid&)>& visit);
CommitInfo commit_info(git_commit* commit);

// SHA-1 (as git hashes a blob) of `data`, in hex.
std::string hash_hex(const std::string& data);

}  // namespace edict::history::internal
