// The SQLite rule history database (history/store.h): schema checks on open, one transaction per
// commit, and errors that say whether the database is locked, foreign or corrupt.
#include "history/store.h"

#include <sqlite3.h>

#include "common/text.h"
#include "history/internal/policy_render.h"

namespace edict::history {

namespace {

constexpr int kApplicationId = 0x45444354;  // "EDCT": marks a database as edict's

const char* const kSchema = R"sql(
CREATE TABLE edict_meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE commits(
  commit_id    TEXT PRIMARY KEY,
  parent_id    TEXT,
  seq          INTEGER NOT NULL UNIQUE,
  author       TEXT NOT NULL,
  email        TEXT NOT NULL,
  date         TEXT NOT NULL,
  summary      TEXT NOT NULL,
  event_count  INTEGER NOT NULL,
  processed_at TEXT NOT NULL);
CREATE TABLE events(
  commit_id     TEXT NOT NULL REFERENCES commits(commit_id),
  ord           INTEGER NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('rule-add', 'rule-remove', 'rule-modify', 'rule-move', 'error')),
  rule_id       TEXT,
  package       TEXT,
  types         TEXT,
  severity      TEXT,
  changed       TEXT,
  file          TEXT NOT NULL,
  previous_file TEXT,
  fingerprint   TEXT,
  message       TEXT,
  PRIMARY KEY (commit_id, ord));
CREATE INDEX events_by_rule ON events(rule_id);
CREATE VIEW event_log AS
  SELECT c.seq, e.ord, e.kind, e.rule_id, e.package, e.types, e.severity, e.changed, e.file,
         e.previous_file, e.fingerprint, e.message, c.commit_id, c.author, c.email, c.date, c.summary
  FROM events e JOIN commits c ON c.commit_id = e.commit_id ORDER BY c.seq, e.ord;
)sql";

// Schema version 2 adds Custodian policy events; a version 1 database gains them when opened.
const char* const kPolicySchema = R"sql(
CREATE TABLE policy_events(
  commit_id       TEXT NOT NULL REFERENCES commits(commit_id),
  ord             INTEGER NOT NULL,
  kind            TEXT NOT NULL CHECK (kind IN ('policy-add', 'policy-remove', 'policy-modified', 'policy-moved',
                                                'policy-rename', 'policy-duplicate')),
  policy          TEXT NOT NULL,
  provider        TEXT NOT NULL,
  resource        TEXT NOT NULL,
  file            TEXT NOT NULL,
  line            INTEGER NOT NULL,
  data            TEXT NOT NULL,
  previous_policy TEXT,
  previous_file   TEXT,
  previous_data   TEXT,
  PRIMARY KEY (commit_id, ord));
CREATE INDEX policy_events_by_name ON policy_events(policy);
CREATE VIEW policy_log AS
  SELECT c.seq, p.ord, p.kind, p.policy, p.provider, p.resource, p.file, p.line, p.data, p.previous_policy,
         p.previous_file, p.previous_data, c.commit_id, c.author, c.email, c.date, c.summary
  FROM policy_events p JOIN commits c ON c.commit_id = p.commit_id ORDER BY c.seq, p.ord;
)sql";

// A prepared statement, finalized on scope exit.
class Stmt {
 public:
  Stmt(sqlite3* db, const char* sql) { rc_ = sqlite3_prepare_v2(db, sql, -1, &s_, nullptr); }
  ~Stmt() { sqlite3_finalize(s_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  int prepared() const { return rc_; }
  sqlite3_stmt* get() const { return s_; }
  // Binds text; an empty optional column binds NULL.
  void text(int i, const std::string& v, bool null_if_empty = false) {
    if (null_if_empty && v.empty()) {
      sqlite3_bind_null(s_, i);
    } else {
      sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    }
  }
  void integer(int i, int64_t v) { sqlite3_bind_int64(s_, i, v); }

 private:
  sqlite3_stmt* s_ = nullptr;
  int rc_ = SQLITE_OK;
};

std::string join(const std::vector<std::string>& parts, const char* sep) {
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : sep) + p;
  return out;
}

std::string json_list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (const std::string& s : items) out += (out.size() > 1 ? "," : "") + text::json_string(s);
  return out + "]";
}

}  // namespace

EventStore::EventStore(const std::string& path) : path_(path) {
  int rc = sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  if (rc != SQLITE_OK) {
    std::string detail = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close(db_);
    db_ = nullptr;
    throw StoreError("cannot open database '" + path + "': " + detail);
  }
  sqlite3_busy_timeout(db_, 2000);
  try {
    // Inside the try: on a file that is not a database, or one locked by another writer, BEGIN
    // fails and the connection must still be closed (a constructor that throws runs no destructor).
    exec("BEGIN IMMEDIATE", "cannot lock");
    int64_t app_id = 0, version = 0, tables = 0;
    auto scalar = [&](const char* sql, int64_t& out) {
      Stmt st(db_, sql);
      if (st.prepared() != SQLITE_OK) fail("cannot read", st.prepared());
      int step = sqlite3_step(st.get());
      if (step != SQLITE_ROW) fail("cannot read", step);
      out = sqlite3_column_int64(st.get(), 0);
    };
    scalar("SELECT count(*) FROM sqlite_master", tables);
    scalar("PRAGMA application_id", app_id);
    scalar("PRAGMA user_version", version);
    if (tables == 0) {
      exec(kSchema, "cannot create the schema in");
      exec(kPolicySchema, "cannot create the schema in");
      exec(("PRAGMA application_id = " + std::to_string(kApplicationId)).c_str(), "cannot write");
      exec(("PRAGMA user_version = " + std::to_string(kSchemaVersion)).c_str(), "cannot write");
      Stmt meta(db_, "INSERT INTO edict_meta(key, value) VALUES ('schema_version', ?1), ('created_by', ?2)");
      meta.text(1, std::to_string(kSchemaVersion));
      meta.text(2, std::string("edict ") + EDICT_VERSION);
      if (int step = sqlite3_step(meta.get()); step != SQLITE_DONE) fail("cannot write", step);
    } else if (app_id != kApplicationId) {
      throw StoreError("'" + path + "' is not an edict history database (it holds other tables); nothing was written");
    } else if (version > kSchemaVersion) {
      throw StoreError("'" + path + "' has schema version " + std::to_string(version) +
                       ", newer than this edict reads (" + std::to_string(kSchemaVersion) + "); nothing was written");
    } else {
      if (version < 2) {  // a version 1 database: commits recorded so far have no policy events
        exec(kPolicySchema, "cannot upgrade the schema of");
        exec(("PRAGMA user_version = " + std::to_string(kSchemaVersion)).c_str(), "cannot write");
        exec("UPDATE edict_meta SET value = '2' WHERE key = 'schema_version'", "cannot write");
      }
      Stmt check(db_, "PRAGMA quick_check");
      if (check.prepared() != SQLITE_OK) fail("cannot check", check.prepared());
      if (int step = sqlite3_step(check.get()); step != SQLITE_ROW) fail("cannot check", step);
      auto* first = reinterpret_cast<const char*>(sqlite3_column_text(check.get(), 0));
      if (first == nullptr || std::string(first) != "ok") {
        throw StoreError("'" + path + "' is corrupt (" + (first ? first : "quick_check failed") +
                         "); nothing was written");
      }
    }
    Stmt done(db_, "SELECT commit_id FROM commits");
    if (done.prepared() != SQLITE_OK) fail("cannot read", done.prepared());
    int step;
    while ((step = sqlite3_step(done.get())) == SQLITE_ROW) {
      processed_.insert(reinterpret_cast<const char*>(sqlite3_column_text(done.get(), 0)));
    }
    if (step != SQLITE_DONE) fail("cannot read", step);
    exec("COMMIT", "cannot write");
  } catch (...) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(db_);
    db_ = nullptr;
    throw;
  }
}

EventStore::~EventStore() {
  if (db_ != nullptr) sqlite3_close(db_);
}

void EventStore::exec(const char* sql, const char* what) {
  int rc = sqlite3_exec(db_, sql, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) fail(what, rc);
}

void EventStore::fail(const std::string& what, int rc) {
  int primary = rc & 0xff;
  std::string detail = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
  std::string message;
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
    message = "database '" + path_ + "' is locked by another writer (" + detail + "); try again when it is done";
  } else if (primary == SQLITE_NOTADB) {
    message = "'" + path_ + "' is not a SQLite database (" + detail + ")";
  } else if (primary == SQLITE_CORRUPT) {
    message = "database '" + path_ + "' is corrupt (" + detail + ")";
  } else {
    message = what + " database '" + path_ + "': " + detail;
  }
  if (db_ != nullptr && primary != SQLITE_NOTADB) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  throw StoreError(message + "; nothing was written");
}

bool EventStore::record(const CommitEvents& ev) {
  exec("BEGIN IMMEDIATE", "cannot lock");
  Stmt commit(db_,
              "INSERT OR IGNORE INTO commits(commit_id, parent_id, seq, author, email, date, summary, event_count, "
              "processed_at) VALUES (?1, ?2, (SELECT COALESCE(MAX(seq), 0) + 1 FROM commits), ?3, ?4, ?5, ?6, ?7, "
              "strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))");
  if (commit.prepared() != SQLITE_OK) fail("cannot write", commit.prepared());
  commit.text(1, ev.commit.id);
  commit.text(2, ev.commit.parent, true);
  commit.text(3, ev.commit.author);
  commit.text(4, ev.commit.email);
  commit.text(5, ev.commit.date);
  commit.text(6, ev.commit.summary);
  commit.integer(7, static_cast<int64_t>(ev.errors.size() + ev.changes.size() + ev.policy_changes.size()));
  if (int step = sqlite3_step(commit.get()); step != SQLITE_DONE) fail("cannot write", step);
  if (sqlite3_changes(db_) == 0) {  // recorded by a concurrent run: keep theirs
    exec("ROLLBACK", "cannot write");
    return false;
  }
  Stmt event(
      db_,
      "INSERT INTO events(commit_id, ord, kind, rule_id, package, types, severity, changed, file, previous_file, "
      "fingerprint, message) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
  if (event.prepared() != SQLITE_OK) fail("cannot write", event.prepared());
  int64_t ord = 0;
  auto insert = [&] {
    event.text(1, ev.commit.id);
    event.integer(2, ord++);
    if (int step = sqlite3_step(event.get()); step != SQLITE_DONE) fail("cannot write", step);
    sqlite3_reset(event.get());
    sqlite3_clear_bindings(event.get());
  };
  for (const FileError& e : ev.errors) {
    event.text(3, "error");
    event.text(9, e.file);
    event.text(12, e.message);
    insert();
  }
  for (const RuleChange& c : ev.changes) {
    event.text(3, event_name(c.kind));
    event.text(4, c.rule.id);
    event.text(5, c.rule.package);
    event.text(6, json_list(c.rule.types));
    event.text(7, c.rule.severity);
    event.text(8, join(c.parts, ","), true);
    event.text(9, c.rule.file);
    bool moved = (c.kind == ChangeKind::Modify || c.kind == ChangeKind::Move) && c.previous.file != c.rule.file;
    event.text(10, moved ? c.previous.file : "", true);
    event.text(11, c.rule.fingerprint.combined());
    insert();
  }
  if (!ev.policy_changes.empty()) record_policies(ev);
  exec("COMMIT", "cannot write");
  processed_.insert(ev.commit.id);
  return true;
}

void EventStore::record_policies(const CommitEvents& ev) {
  Stmt event(db_,
             "INSERT INTO policy_events(commit_id, ord, kind, policy, provider, resource, file, line, data, "
             "previous_policy, previous_file, previous_data) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
  if (event.prepared() != SQLITE_OK) fail("cannot write", event.prepared());
  int64_t ord = 0;
  auto dump = [](const YAML::Node& n) {
    return internal::policy_data_json(n).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  };
  for (const PolicyChange& c : ev.policy_changes) {
    const c7n::PolicyEntry& e = c.policy.entry();
    event.text(1, ev.commit.id);
    event.integer(2, ord++);
    event.text(3, policy_event_name(c.kind));
    event.text(4, e.name);
    event.text(5, e.resource.provider);
    event.text(6, e.resource.resource);
    event.text(7, c.policy.file());
    event.integer(8, e.where.line);
    event.text(9, dump(e.node));
    if (c.previous.valid()) {
      event.text(10, c.previous.name());
      event.text(11, c.previous.file());
      event.text(12, dump(c.previous.entry().node));
    }
    if (int step = sqlite3_step(event.get()); step != SQLITE_DONE) fail("cannot write", step);
    sqlite3_reset(event.get());
    sqlite3_clear_bindings(event.get());
  }
}

}  // namespace edict::history
