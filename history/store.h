// The rule history database behind `edict stream --db`: SQLite, appended one commit per
// transaction, so a run can stop anywhere and the next one resumes without duplicates.
// Schema (version 1, also in docs/history.md):
//   edict_meta(key PRIMARY KEY, value)       schema_version, created_by
//   commits(commit_id PRIMARY KEY, parent_id, seq UNIQUE, author, email, date, summary,
//           event_count, processed_at)       every processed commit, with or without events
//   events(commit_id, ord, kind, rule_id, package, types, severity, changed, file,
//          previous_file, fingerprint, message, PRIMARY KEY (commit_id, ord))
//   event_log                                a view: events joined with their commits, in order
// Version 2 adds (and upgrades a version 1 database with):
//   policy_events(commit_id, ord, kind, policy, provider, resource, file, line, data, previous_policy,
//          previous_file, previous_data, PRIMARY KEY (commit_id, ord))   Custodian policy events
//   policy_log                               a view: policy events joined with their commits
#pragma once

#include <set>
#include <stdexcept>
#include <string>

#include "history/history.h"

struct sqlite3;

namespace edict::history {

// The database cannot be used: locked by another writer, not an edict history database,
// corrupt, of a newer schema, or unwritable. Nothing was written when this is thrown.
class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

inline constexpr int kSchemaVersion = 2;

class EventStore {
 public:
  // Opens (creating when missing or empty) and checks the schema. Throws StoreError.
  explicit EventStore(const std::string& path);
  ~EventStore();
  EventStore(const EventStore&) = delete;
  EventStore& operator=(const EventStore&) = delete;

  // Commits already recorded, as read when the store was opened.
  const std::set<std::string>& processed() const { return processed_; }

  // Records a commit and its events in one transaction. False when another writer recorded the
  // commit meanwhile (nothing is added); throws StoreError (after rolling back) on failure.
  bool record(const CommitEvents& events);

 private:
  void exec(const char* sql, const char* what);
  void record_policies(const CommitEvents& events);  // inside record()'s transaction
  [[noreturn]] void fail(const std::string& what, int rc);

  std::string path_;
  sqlite3* db_ = nullptr;
  std::set<std::string> processed_;
};

}  // namespace edict::history
