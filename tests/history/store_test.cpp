// Tests for history/store.cpp: an incremental, resumable SQLite history that never duplicates,
// and a locked, corrupt or foreign database refused before anything is written.
#include "history/store.h"

#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <string>

#include "git_fixture.h"
#include "history/history.h"

using namespace edict::history;
using edict::testing::slurp;
using edict::testing::TempDir;
using edict::testing::TempRepo;

namespace {

std::string rule(const std::string& id, const std::string& assert_text) {
  return "rule " + id + " {\n  on aws_s3_bucket\n  assert " + assert_text + "\n}\n";
}

// Streams the repository into the database as `edict stream --db` does; returns the commits recorded.
size_t stream_into(const TempRepo& repo, const std::string& db) {
  Repository r = Repository::open(repo.path());
  EventStore store(db);
  StreamOptions opts;
  opts.skip = [&](const std::string& id) { return store.processed().count(id) != 0; };
  size_t recorded = 0;
  stream(r, opts, [&](const CommitEvents& ev) { recorded += store.record(ev) ? 1 : 0; });
  return recorded;
}

int64_t count(const std::string& db, const std::string& sql) {
  sqlite3* h = nullptr;
  REQUIRE(sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  REQUIRE(sqlite3_prepare_v2(h, sql.c_str(), -1, &st, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(st) == SQLITE_ROW);
  int64_t n = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  sqlite3_close(h);
  return n;
}

}  // namespace

TEST_CASE("store: a second run adds only new commits, and a third adds nothing") {
  TempRepo repo;
  TempDir tmp;
  std::string db = tmp.str() + "/history.sqlite";
  repo.write("a.edict", rule("R1", "x == 1") + rule("R2", "y == 1"));
  repo.commit("one");
  repo.write("a.edict", rule("R1", "x == 2") + rule("R2", "y == 1"));
  repo.commit("two");
  CHECK(stream_into(repo, db) == 2);
  CHECK(count(db, "SELECT count(*) FROM events") == 3);

  repo.write("b.edict", rule("R3", "z == 1"));
  std::string three = repo.commit("three");
  repo.commit("four: nothing");
  CHECK(stream_into(repo, db) == 2);
  CHECK(stream_into(repo, db) == 0);
  CHECK(count(db, "SELECT count(*) FROM commits") == 4);
  CHECK(count(db, "SELECT count(*) FROM events") == 4);
  CHECK(
      count(
          db,
          "SELECT count(*) FROM (SELECT commit_id, kind, rule_id FROM events GROUP BY 1, 2, 3 HAVING count(*) > 1)") ==
      0);
  CHECK(count(db, "SELECT count(*) FROM events WHERE commit_id = '" + three +
                      "' AND kind = 'rule-add' AND rule_id = 'R3'") == 1);
  CHECK(count(db, "SELECT max(seq) FROM commits") == 4);
  CHECK(count(db, "SELECT count(*) FROM event_log") == 4);
  CHECK(count(db, "PRAGMA user_version") == kSchemaVersion);

  // A commit recorded meanwhile by another run is not recorded twice.
  Repository r = Repository::open(repo.path());
  EventStore store(db);
  bool again = true;
  stream(r, {}, [&](const CommitEvents& ev) {
    if (ev.commit.id == three) again = store.record(ev);
  });
  CHECK_FALSE(again);
  CHECK(count(db, "SELECT count(*) FROM events") == 4);
}

TEST_CASE("store: a locked database is refused and keeps its data") {
  TempRepo repo;
  TempDir tmp;
  std::string db = tmp.str() + "/history.sqlite";
  repo.write("a.edict", rule("R1", "x == 1"));
  repo.commit("one");
  REQUIRE(stream_into(repo, db) == 1);
  repo.write("a.edict", rule("R1", "x == 2"));
  repo.commit("two");

  sqlite3* other = nullptr;
  REQUIRE(sqlite3_open(db.c_str(), &other) == SQLITE_OK);
  REQUIRE(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK);  // hold the write lock
  CHECK_THROWS_WITH(stream_into(repo, db), Catch::Contains("is locked"));
  // A store opened before the lock was taken fails on its next write, and writes nothing.
  sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
  {
    EventStore store(db);
    REQUIRE(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK);
    Repository r = Repository::open(repo.path());
    CHECK_THROWS_AS(stream(r, {},
                           [&](const CommitEvents& ev) {
                             if (store.processed().count(ev.commit.id) == 0) store.record(ev);
                           }),
                    StoreError);
    sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  sqlite3_close(other);
  CHECK(count(db, "SELECT count(*) FROM commits") == 1);
  CHECK(count(db, "SELECT count(*) FROM events") == 1);
  CHECK(stream_into(repo, db) == 1);  // once free, the run resumes
  CHECK(count(db, "SELECT count(*) FROM events") == 2);
}

TEST_CASE("store: a corrupt or foreign database is refused untouched") {
  TempDir tmp;
  std::string garbage = tmp.str() + "/garbage.sqlite";
  std::string text(4096, 'x');
  std::ofstream(garbage, std::ios::binary) << text;
  CHECK_THROWS_WITH(EventStore(garbage), Catch::Contains("not a SQLite database"));
  CHECK(slurp(garbage) == text);

  std::string foreign = tmp.str() + "/foreign.sqlite";
  sqlite3* h = nullptr;
  REQUIRE(sqlite3_open(foreign.c_str(), &h) == SQLITE_OK);
  REQUIRE(sqlite3_exec(h, "CREATE TABLE mine(x); INSERT INTO mine VALUES (1)", nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(h);
  std::string before = slurp(foreign);
  CHECK_THROWS_WITH(EventStore(foreign), Catch::Contains("not an edict history database"));
  CHECK(slurp(foreign) == before);

  // A real history database with a damaged page.
  TempRepo repo;
  std::string db = tmp.str() + "/damaged.sqlite";
  for (int i = 0; i < 40; ++i) repo.write("r" + std::to_string(i) + ".edict", rule("R" + std::to_string(i), "x == 1"));
  repo.commit("many rules");
  REQUIRE(stream_into(repo, db) == 1);
  std::string bytes = slurp(db);
  REQUIRE(bytes.size() > 3 * 4096);
  for (size_t i = 4096; i < 3 * 4096; ++i) bytes[i] = '\x7f';  // pages 2 and 3
  std::ofstream(db, std::ios::binary | std::ios::trunc) << bytes;
  CHECK_THROWS_AS(EventStore(db), StoreError);
  CHECK(slurp(db) == bytes);

  CHECK_THROWS_WITH(EventStore(tmp.str() + "/no/such/dir/h.sqlite"), Catch::Contains("cannot open"));
}
