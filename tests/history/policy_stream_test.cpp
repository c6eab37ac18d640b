// Tests for history/policies.cpp through stream, diff, the store and the CLI: a repository of
// Custodian policy files whose commits add, modify, move, rename, duplicate, break and remove
// policies, checked as events, as text and JSON lines (goldens) and in the SQLite store.
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include "git_fixture.h"
#include "history/history.h"
#include "history/store.h"
#include "tests/skip.h"

using namespace edict::history;
using edict::testing::sh;
using edict::testing::shell_quote;
using edict::testing::slurp;
using edict::testing::TempDir;
using edict::testing::TempRepo;
namespace fs = std::filesystem;

namespace {

const std::string kGolden = EDICT_SOURCE_DIR "/tests/history/golden/";

const std::string kEncryption =
    "  - name: s3-encryption-required\n"
    "    resource: aws.s3\n"
    "    filters:\n"
    "      - type: bucket-encryption\n"
    "        state: false\n"
    "    actions:\n"
    "      - type: set-bucket-encryption\n";
const std::string kPublic =
    "  - name: s3-no-public-access\n"
    "    resource: s3\n"
    "    filters:\n"
    "      - type: global-grants\n"
    "    actions: [delete-global-grants]\n";
const std::string kEc2 = "  - name: ec2-running\n    resource: aws.ec2\n    filters:\n      - State.Name: running\n";
const std::string kEc2Other = "  - name: ec2-running\n    resource: aws.ec2\n    filters:\n      - State.Name: stopped\n";

// Commits with a fixed date (and so fixed ids, which the goldens name).
std::string commit_at(TempRepo& repo, const std::string& message, int day) {
  std::string date = "2026-01-" + std::string(day < 10 ? "0" : "") + std::to_string(day) + "T12:00:00+00:00";
  setenv("GIT_AUTHOR_DATE", date.c_str(), 1);
  setenv("GIT_COMMITTER_DATE", date.c_str(), 1);
  std::string id = repo.commit(message);
  unsetenv("GIT_AUTHOR_DATE");
  unsetenv("GIT_COMMITTER_DATE");
  return id;
}

// The repository of the file comment, up to commit `upto` (1..7).
void build(TempRepo& repo, int upto) {
  const std::vector<std::function<void()>> steps = {
      [&] {
        repo.write("policies/s3.yml", "policies:\n" + kEncryption + kPublic);
        repo.write(".github/workflows/ci.yml", "on: push\njobs: {}\n");  // YAML, not a policy file
        commit_at(repo, "add the s3 policies", 1);
      },
      [&] {
        std::string tightened = kEncryption;
        tightened.replace(tightened.find("state: false"), 12, "state: False\n        crypto: AES256");
        repo.write("policies/s3.yml", "policies:\n" + tightened + kPublic);
        commit_at(repo, "tighten encryption", 2);
      },
      [&] {
        std::string tightened = kEncryption;
        tightened.replace(tightened.find("state: false"), 12, "state: False\n        crypto: AES256");
        repo.write("policies/s3.yml", "# only encryption here\npolicies:\n" + tightened);
        repo.write("policies/public.yml", "policies:\n" + kPublic);
        commit_at(repo, "move the public-access policy", 3);
      },
      [&] {
        std::string renamed = kPublic;
        renamed.replace(renamed.find("s3-no-public-access"), 19, "s3-no-global-grants");
        repo.write("policies/public.yml", "policies:\n" + renamed);
        commit_at(repo, "rename it", 4);
      },
      [&] {
        repo.write("policies/ec2.yml", "policies:\n" + kEc2 + kEc2Other);
        commit_at(repo, "ec2, twice", 5);
      },
      [&] {
        repo.write("policies/ec2.yml", "policies:\n" + kEc2 + "\t- name: broken\n");
        commit_at(repo, "break ec2.yml", 6);
      },
      [&] {
        repo.remove("policies/s3.yml");
        repo.write("policies/ec2.yml", "policies:\n" + kEc2);
        commit_at(repo, "drop s3.yml, repair ec2.yml", 7);
      },
  };
  for (int i = 0; i < upto; ++i) steps[i]();
}

// Each policy event as "kind name file" (plus "<-previous" for the old name or file).
std::vector<std::string> events(const TempRepo& repo, const std::string& since = "") {
  std::vector<std::string> out;
  Repository r = Repository::open(repo.path());
  StreamOptions opts;
  opts.since = since;
  stream(r, opts, [&](const CommitEvents& ev) {
    for (const FileError& e : ev.errors) out.push_back("error " + e.file + " kept=" + std::to_string(e.kept_rules));
    for (const PolicyChange& c : ev.policy_changes) {
      std::string line = std::string(policy_event_name(c.kind)) + " " + c.policy.name() + " " + c.policy.file();
      if (c.previous.valid()) line += " <-" + c.previous.name() + " " + c.previous.file();
      out.push_back(line);
    }
    if (!ev.changes.empty()) out.push_back("unexpected rule events");
  });
  return out;
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

// Compares `actual` with a golden file; EDICT_UPDATE_GOLDEN=1 rewrites it instead.
void golden(const std::string& name, const std::string& actual) {
  std::string path = kGolden + name;
  if (const char* u = std::getenv("EDICT_UPDATE_GOLDEN"); u != nullptr && *u == '1') {
    fs::create_directories(kGolden);
    std::ofstream(path, std::ios::binary) << actual;
  }
  INFO("golden " << path << " (EDICT_UPDATE_GOLDEN=1 rewrites it; read the diff)");
  CHECK(actual == slurp(path));
}

}  // namespace

TEST_CASE("policy stream: add, modify, move, rename, duplicate, broken file, remove") {
  TempRepo repo;
  build(repo, 7);
  using Lines = std::vector<std::string>;
  CHECK(events(repo) == Lines{
                            "policy-add s3-encryption-required policies/s3.yml",
                            "policy-add s3-no-public-access policies/s3.yml",
                            "policy-modified s3-encryption-required policies/s3.yml <-s3-encryption-required policies/s3.yml",
                            "policy-moved s3-no-public-access policies/public.yml <-s3-no-public-access policies/s3.yml",
                            "policy-rename s3-no-global-grants policies/public.yml <-s3-no-public-access policies/public.yml",
                            "policy-add ec2-running policies/ec2.yml",
                            "policy-duplicate ec2-running policies/ec2.yml <-ec2-running policies/ec2.yml",
                            "error policies/ec2.yml kept=2",
                            "policy-remove s3-encryption-required policies/s3.yml",
                        });
}

TEST_CASE("policy stream: a modification that only changes layout, comments or spelling of a value is no event") {
  TempRepo repo;
  repo.write("p.yaml", "policies:\n  - name: a\n    resource: ec2\n    filters: [{State: true}]\n");
  commit_at(repo, "one", 1);
  repo.write("p.yaml", "# reformatted\npolicies:\n- resource: ec2\n  filters:\n    - State: yes\n  name: a\n");
  std::string two = commit_at(repo, "two", 2);
  CHECK(events(repo, two + "~1").empty());
  // resource: aws.ec2 for ec2 is the same resource but other data, as for policystream.
  repo.write("p.yaml", "policies:\n- resource: aws.ec2\n  filters:\n    - State: yes\n  name: a\n");
  std::string three = commit_at(repo, "three", 3);
  CHECK(events(repo, two) == std::vector<std::string>{"policy-modified a p.yaml <-a p.yaml"});
}

TEST_CASE("policy stream: text and JSON lines through the CLI match their goldens") {
  std::string exe = edict::testing::edict_binary();
  if (exe.empty()) {
    edict::testing::skip_test("no edict binary next to the tests, for the CLI checks");
    return;
  }
  TempRepo repo;
  build(repo, 7);
  std::string text, jsonl, err;
  CHECK(sh(shell_quote(exe) + " stream --repo " + shell_quote(repo.path()), &text) == 0);
  CHECK(sh(shell_quote(exe) + " stream --format jsonl --repo " + shell_quote(repo.path()), &jsonl) == 0);
  golden("policy_stream.txt", text);
  golden("policy_stream.jsonl", jsonl);
  // The duplicate is a warning too, located.
  CHECK(sh(shell_quote(exe) + " stream --repo " + shell_quote(repo.path()) + " 2>&1 >/dev/null", &err) == 0);
  CHECK(err.find("edict: warning[E0503]: policies/ec2.yml:6:5: a second policy named 'ec2-running' in commit ") !=
        std::string::npos);
}

TEST_CASE("policy stream: the SQLite store records policy events and resumes with only new ones") {
  TempRepo repo;
  TempDir tmp;
  std::string db = tmp.str() + "/history.sqlite";
  auto stream_into = [&] {
    Repository r = Repository::open(repo.path());
    EventStore store(db);
    StreamOptions opts;
    opts.skip = [&](const std::string& id) { return store.processed().count(id) != 0; };
    size_t recorded = 0;
    stream(r, opts, [&](const CommitEvents& ev) { recorded += store.record(ev) ? 1 : 0; });
    return recorded;
  };
  build(repo, 5);
  CHECK(stream_into() == 5);
  CHECK(count(db, "SELECT count(*) FROM policy_events") == 7);
  CHECK(count(db, "SELECT count(*) FROM policy_log WHERE kind = 'policy-rename' AND policy = 's3-no-global-grants' "
                  "AND previous_policy = 's3-no-public-access' AND provider = 'aws' AND resource = 's3'") == 1);
  CHECK(count(db, "SELECT count(*) FROM policy_log WHERE kind = 'policy-moved' AND previous_file = 'policies/s3.yml' "
                  "AND file = 'policies/public.yml' AND author = 'Ada Author'") == 1);
  CHECK(count(db, "SELECT count(*) FROM policy_events WHERE kind = 'policy-modified' AND "
                  "json_extract(data, '$.filters[0].state') = 0 AND json_extract(previous_data, '$.filters[0].state') = 0 "
                  "AND json_extract(data, '$.filters[0].crypto') = 'AES256'") == 1);
  CHECK(count(db, "SELECT count(*) FROM policy_events WHERE kind = 'policy-duplicate' AND line = 6") == 1);

  // Two more commits: the second run records only them, the third nothing.
  repo.write("policies/ec2.yml", "policies:\n" + kEc2 + "\t- name: broken\n");
  commit_at(repo, "break ec2.yml", 6);
  repo.remove("policies/s3.yml");
  repo.write("policies/ec2.yml", "policies:\n" + kEc2);
  commit_at(repo, "drop s3.yml, repair ec2.yml", 7);
  CHECK(stream_into() == 2);
  CHECK(stream_into() == 0);
  CHECK(count(db, "SELECT count(*) FROM policy_events") == 8);
  CHECK(count(db, "SELECT count(*) FROM events WHERE kind = 'error' AND file = 'policies/ec2.yml'") == 1);
  CHECK(count(db, "SELECT count(*) FROM policy_log WHERE seq = 7 AND kind = 'policy-remove' AND "
                  "policy = 's3-encryption-required'") == 1);
  CHECK(count(db, "SELECT count(*) FROM (SELECT commit_id, kind, policy FROM policy_events GROUP BY 1, 2, 3 "
                  "HAVING count(*) > 1)") == 0);
  CHECK(count(db, "PRAGMA user_version") == 2);
}

TEST_CASE("policy stream: a version 1 database gains the policy tables when opened") {
  TempDir tmp;
  std::string db = tmp.str() + "/old.sqlite";
  {
    sqlite3* h = nullptr;
    REQUIRE(sqlite3_open(db.c_str(), &h) == SQLITE_OK);
    // The version 1 schema, as an older edict created it.
    const char* v1 =
        "CREATE TABLE edict_meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
        "INSERT INTO edict_meta VALUES ('schema_version', '1'), ('created_by', 'edict old');"
        "CREATE TABLE commits(commit_id TEXT PRIMARY KEY, parent_id TEXT, seq INTEGER NOT NULL UNIQUE, author TEXT "
        "NOT NULL, email TEXT NOT NULL, date TEXT NOT NULL, summary TEXT NOT NULL, event_count INTEGER NOT NULL, "
        "processed_at TEXT NOT NULL);"
        "CREATE TABLE events(commit_id TEXT NOT NULL, ord INTEGER NOT NULL, kind TEXT NOT NULL, rule_id TEXT, package "
        "TEXT, types TEXT, severity TEXT, changed TEXT, file TEXT NOT NULL, previous_file TEXT, fingerprint TEXT, "
        "message TEXT, PRIMARY KEY (commit_id, ord));"
        "PRAGMA application_id = 1162101588; PRAGMA user_version = 1;";
    REQUIRE(sqlite3_exec(h, v1, nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(h);
  }
  { EventStore store(db); }
  CHECK(count(db, "PRAGMA user_version") == 2);
  CHECK(count(db, "SELECT count(*) FROM policy_log") == 0);
  CHECK(count(db, "SELECT value FROM edict_meta WHERE key = 'schema_version'") == 2);
}

TEST_CASE("policy diff: the changed policies as YAML, removed ones excluded, and the detected default branch") {
  TempRepo repo;
  build(repo, 2);
  Repository r = Repository::open(repo.path());
  DiffResult d = diff(r, "", "");
  CHECK(d.why.find("on the default branch 'main'") == 0);
  REQUIRE(d.policy_changes.size() == 1);
  CHECK(d.policy_changes[0].kind == PolicyChangeKind::Modify);

  // A feature branch from a trunk called `trunk`: found through init.defaultBranch, not assumed master.
  repo.git("branch -m main trunk");
  repo.git("config init.defaultBranch trunk");
  repo.git("checkout -q -b feature");
  repo.write("policies/s3.yml", "policies:\n" + kPublic);  // encryption removed
  repo.write("policies/ec2.yml", "policies:\n" + kEc2);
  commit_at(repo, "feature work", 3);
  Repository r2 = Repository::open(repo.path());
  DiffResult f = diff(r2, "", "");
  CHECK(f.why == "on branch 'feature': the merge base with the default branch 'trunk' (init.defaultBranch) against HEAD");
  std::string yaml = changed_policies_yaml(f.policy_changes);
  CHECK(yaml.find("name: ec2-running") != std::string::npos);
  CHECK(yaml.find("s3-encryption-required") == std::string::npos);  // removed: excluded
  edict::lang::SourceManager sources;
  edict::lang::DiagnosticSink sink;
  edict::c7n::PolicyFile back = edict::c7n::parse_policy_text("changed.yml", yaml, sources, sink);
  REQUIRE(back.ok);
  REQUIRE(back.policies.size() == 1);
  CHECK(back.policies[0].canonical == f.after.policies.at("ec2-running").entry().canonical);
  // --default-branch names it explicitly; a name that is no branch is an error.
  DiffResult g = diff(r2, "", "", {}, "trunk");
  CHECK(g.why.find("(--default-branch)") != std::string::npos);
  CHECK_THROWS_AS(diff(r2, "", "", {}, "master"), HistoryError);

  std::string exe = edict::testing::edict_binary();
  if (exe.empty()) return;
  std::string out;
  CHECK(sh(shell_quote(exe) + " diff --format policies --repo " + shell_quote(repo.path()), &out) == 0);
  CHECK(out == yaml);
  CHECK(sh(shell_quote(exe) + " diff --repo " + shell_quote(repo.path()), &out) == 0);
  CHECK(out.find("policies ") != std::string::npos);
  CHECK(out.find("  added     ec2-running  aws.ec2  policies/ec2.yml\n") != std::string::npos);
  CHECK(out.find("  removed   s3-encryption-required  aws.s3  policies/s3.yml\n") != std::string::npos);
}
