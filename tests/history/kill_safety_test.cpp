// Kill safety of `edict stream --db`: a writer killed with SIGKILL at random points leaves a
// database the next run opens, resumes from and completes, with the same rows as a run that was
// never interrupted (SQLite transactions: a commit is recorded whole or not at all).
#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <random>
#include <string>
#include <thread>

#include "git_fixture.h"

using edict::testing::TempDir;
using edict::testing::TempRepo;

namespace {

std::string rule(const std::string& id, int n) {
  return "rule " + id + " {\n  on aws_s3_bucket\n  assert x == " + std::to_string(n) + "\n}\n";
}

// Every row of the events and commits tables, as text, in a fixed order.
std::string dump(const std::string& db) {
  sqlite3* h = nullptr;
  REQUIRE(sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  std::string out;
  for (const char* sql : {"SELECT commit_id FROM commits ORDER BY commit_id",
                          "SELECT commit_id, rule_id, kind FROM events ORDER BY commit_id, rule_id, kind",
                          "PRAGMA integrity_check"}) {
    sqlite3_stmt* st = nullptr;
    REQUIRE(sqlite3_prepare_v2(h, sql, -1, &st, nullptr) == SQLITE_OK);
    while (sqlite3_step(st) == SQLITE_ROW) {
      for (int c = 0; c < sqlite3_column_count(st); ++c) {
        const unsigned char* t = sqlite3_column_text(st, c);
        out += (c ? " " : "") + std::string(t ? reinterpret_cast<const char*>(t) : "NULL");
      }
      out += "\n";
    }
    sqlite3_finalize(st);
  }
  sqlite3_close(h);
  return out;
}

// Starts `edict stream --db DB --repo REPO` and kills it with SIGKILL after `delay`; returns
// whether it was still running when killed.
bool kill_after(const std::string& exe, const std::string& repo, const std::string& db, std::chrono::microseconds delay) {
  pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    int null = ::open("/dev/null", O_WRONLY);
    dup2(null, 1);
    dup2(null, 2);
    execl(exe.c_str(), exe.c_str(), "stream", "--db", db.c_str(), "--repo", repo.c_str(), "--format", "jsonl",
          static_cast<char*>(nullptr));
    _exit(127);
  }
  std::this_thread::sleep_for(delay);
  bool running = kill(pid, SIGKILL) == 0;
  int status = 0;
  waitpid(pid, &status, 0);
  return running && WIFSIGNALED(status);
}

}  // namespace

TEST_CASE("stream --db: killed at random points, the next run completes the same database") {
  std::string exe = edict::testing::edict_binary();
  if (exe.empty()) {
    WARN("skipped: no edict binary next to the tests");
    return;
  }
  TempRepo repo;
  for (int i = 0; i < 40; ++i) {
    repo.write("r" + std::to_string(i % 7) + ".edict", rule("R" + std::to_string(i % 7), i));
    repo.commit("commit " + std::to_string(i));
  }
  TempDir tmp;
  std::string clean = tmp.str() + "/clean.sqlite";
  REQUIRE(edict::testing::sh(exe + " stream --format jsonl --db " + clean + " --repo " + repo.path()) == 0);
  std::string expected = dump(clean);
  REQUIRE(expected.find("ok\n") != std::string::npos);

  // How long one full run takes, so that kills land anywhere inside it.
  auto t0 = std::chrono::steady_clock::now();
  REQUIRE(edict::testing::sh(exe + " stream --format jsonl --db " + tmp.str() + "/timing.sqlite --repo " + repo.path()) == 0);
  auto full = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - t0);

  std::mt19937 rng(20261203);
  std::uniform_int_distribution<int64_t> when(0, std::max<int64_t>(1, full.count()));
  int killed = 0;
  for (int round = 0; round < 12; ++round) {
    std::string db = tmp.str() + "/killed" + std::to_string(round) + ".sqlite";
    // Up to three kills into the same database, then a run to completion.
    for (int k = 0; k < 3; ++k) killed += kill_after(exe, repo.path(), db, std::chrono::microseconds(when(rng))) ? 1 : 0;
    INFO("round " << round);
    REQUIRE(edict::testing::sh(exe + " stream --format jsonl --db " + db + " --repo " + repo.path()) == 0);
    CHECK(dump(db) == expected);
  }
  CHECK(killed > 0);  // at least some kills hit a running writer
}
