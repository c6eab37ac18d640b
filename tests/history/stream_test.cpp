// Tests for history/stream.cpp over real repositories: one event per rule change, keyed by id,
// through adds, removals, edits, moves, renames, a syntax error and its repair, and merges.
#include <catch2/catch.hpp>
#include <map>
#include <string>
#include <vector>

#include "git_fixture.h"
#include "history/history.h"

using namespace edict::history;
using edict::testing::TempRepo;
namespace fs = std::filesystem;

namespace {

std::string rule(const std::string& id, const std::string& assert_text, const std::string& extra = "") {
  return "rule " + id + " {\n" + extra + "  on aws_s3_bucket\n  assert " + assert_text + "\n}\n";
}

// Events by commit id, each event as one short string: "add R1 a.edict", "modify R1 [asserts]",
// "move R1 a.edict->b.edict", "remove R1", "error a.edict kept=2".
std::map<std::string, std::vector<std::string>> run(const TempRepo& repo, const std::string& since = "") {
  std::map<std::string, std::vector<std::string>> out;
  Repository r = Repository::open(repo.path());
  StreamOptions opts;
  opts.since = since;
  stream(r, opts, [&](const CommitEvents& ev) {
    std::vector<std::string>& lines = out[ev.commit.id];
    for (const FileError& e : ev.errors) lines.push_back("error " + e.file + " kept=" + std::to_string(e.kept_rules));
    for (const RuleChange& c : ev.changes) {
      switch (c.kind) {
        case ChangeKind::Add: lines.push_back("add " + c.rule.id + " " + c.rule.file); break;
        case ChangeKind::Remove: lines.push_back("remove " + c.rule.id); break;
        case ChangeKind::Move: lines.push_back("move " + c.rule.id + " " + c.previous.file + "->" + c.rule.file); break;
        case ChangeKind::Modify: {
          std::string p;
          for (const std::string& part : c.parts) p += (p.empty() ? "" : ",") + part;
          lines.push_back("modify " + c.rule.id + " [" + p + "]");
          break;
        }
      }
    }
  });
  return out;
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("stream: add, modify, metadata-only, comment-only, move, rename, remove") {
  TempRepo repo;
  repo.write("rules/a.edict", rule("R1", "versioning == true") + rule("R2", "logging != null"));
  std::string c1 = repo.commit("add R1 and R2");
  repo.write("rules/a.edict", rule("R1", "versioning == true and mfa == true") + rule("R2", "logging != null"));
  std::string c2 = repo.commit("tighten R1");
  repo.write("rules/a.edict", rule("R1", "versioning == true and mfa == true", "  title \"Versioned\"\n") +
                                  rule("R2", "logging != null"));
  std::string c3 = repo.commit("title for R1");
  repo.write("rules/a.edict",
             "# the bucket rules\n" +
                 rule("R1", "versioning == true  and  mfa == true  # both", "  title \"Versioned\"\n") + "\n\n" +
                 rule("R2", "logging != null"));
  std::string c4 = repo.commit("comments and spacing only");
  repo.write("rules/a.edict", rule("R1", "versioning == true and mfa == true", "  title \"Versioned\"\n"));
  repo.write("rules/b.edict", rule("R2", "logging != null"));
  std::string c5 = repo.commit("move R2 to b.edict");
  repo.git("mv rules/b.edict rules/logging.edict");
  std::string c6 = repo.commit("rename b.edict");
  repo.write("rules/logging.edict", rule("R2_LOGGING", "logging != null"));
  std::string c7 = repo.commit("rename rule R2");
  repo.remove("rules/logging.edict");
  repo.write("README.md", "not a rule file\n");
  std::string c8 = repo.commit("drop logging rules");

  auto ev = run(repo);
  CHECK(ev[c1] == Lines{"add R1 rules/a.edict", "add R2 rules/a.edict"});
  CHECK(ev[c2] == Lines{"modify R1 [asserts]"});
  CHECK(ev[c3] == Lines{"modify R1 [metadata]"});
  CHECK(ev[c4].empty());
  CHECK(ev[c5] == Lines{"move R2 rules/a.edict->rules/b.edict"});
  CHECK(ev[c6] == Lines{"move R2 rules/b.edict->rules/logging.edict"});
  CHECK(ev[c7] == Lines{"remove R2", "add R2_LOGGING rules/logging.edict"});
  CHECK(ev[c8] == Lines{"remove R2_LOGGING"});
  CHECK(ev.size() == 8);  // every commit is reported, with or without events

  // --since: only later commits, compared with the state at their parents.
  auto later = run(repo, c5);
  CHECK(later.size() == 3);
  CHECK(later[c6] == Lines{"move R2 rules/b.edict->rules/logging.edict"});
}

TEST_CASE("stream: a file that stops parsing gives one error, keeps its rules, and recovers") {
  TempRepo repo;
  repo.write("a.edict", rule("R1", "x == 1") + rule("R2", "y == 1"));
  repo.commit("two rules");
  repo.write("a.edict", rule("R1", "x == (") + rule("R2", "y == 1"));
  std::string broken = repo.commit("typo");
  repo.write("b.edict", rule("R3", "z == 1"));
  std::string other = repo.commit("another file while a.edict is broken");
  repo.write("a.edict", "# R2 is gone\n" + rule("R1", "x == 2"));
  std::string fixed = repo.commit("fixed, R1 changed, R2 dropped");

  auto ev = run(repo);
  CHECK(ev[broken] == Lines{"error a.edict kept=2"});  // no flood of removals
  CHECK(ev[other] == Lines{"add R3 b.edict"});
  CHECK(ev[fixed] == Lines{"modify R1 [asserts]", "remove R2"});

  // Starting the stream at the broken commit finds the last good version all the same.
  auto resumed = run(repo, broken);
  CHECK(resumed[other] == Lines{"add R3 b.edict"});
  CHECK(resumed[fixed] == Lines{"modify R1 [asserts]", "remove R2"});

  // The error event carries the diagnostic.
  Repository r = Repository::open(repo.path());
  std::string message;
  stream(r, {}, [&](const CommitEvents& e) {
    if (e.commit.id == broken) message = e.errors.at(0).message;
  });
  CHECK(message.rfind("a.edict:4:", 0) == 0);
  CHECK(message.find("error[E0101]") != std::string::npos);
}

TEST_CASE("stream: a merge is compared with its first parent, and branch commits are not walked") {
  TempRepo repo;
  repo.write("a.edict", rule("R1", "x == 1"));
  std::string base = repo.commit("base");
  repo.git("checkout -q -b feature");
  repo.write("b.edict", rule("R2", "y == 1"));
  std::string f1 = repo.commit("feature: R2");
  repo.write("a.edict", rule("R1", "x == 2"));
  std::string f2 = repo.commit("feature: change R1");
  repo.git("checkout -q main");
  repo.write("c.edict", rule("R3", "z == 1"));
  std::string m1 = repo.commit("main: R3");
  repo.git("merge -q --no-ff -m merge-feature feature");
  std::string merge = repo.head();

  auto ev = run(repo);
  CHECK(ev.size() == 3);
  CHECK(ev.count(f1) == 0);
  CHECK(ev.count(f2) == 0);
  CHECK(ev[base] == Lines{"add R1 a.edict"});
  CHECK(ev[m1] == Lines{"add R3 c.edict"});
  CHECK(ev[merge] == Lines{"modify R1 [asserts]", "add R2 b.edict"});

  // The commit metadata of the merge.
  Repository r = Repository::open(repo.path());
  CommitInfo info;
  stream(r, {}, [&](const CommitEvents& e) {
    if (e.commit.id == merge) info = e.commit;
  });
  CHECK(info.parent == m1);
  CHECK(info.author == "Ada Author");
  CHECK(info.email == "ada@example.com");
  CHECK(info.summary == "merge-feature");
  CHECK(info.date.size() == 25);  // 2024-05-01T10:00:00+00:00
}

TEST_CASE("stream: an empty repository has no events; bad input is a HistoryError") {
  TempRepo repo;
  Repository r = Repository::open(repo.path());
  size_t commits = 0;
  stream(r, {}, [&](const CommitEvents&) { ++commits; });
  CHECK(commits == 0);

  edict::testing::TempDir plain;
  CHECK_THROWS_AS(Repository::open(plain.str()), HistoryError);
  CHECK_THROWS_AS(Repository::open(plain.str() + "/missing"), HistoryError);
  repo.write("a.edict", rule("R1", "x == 1"));
  repo.commit("one");
  StreamOptions opts;
  opts.since = "no-such-revision";
  CHECK_THROWS_WITH(stream(r, opts, [](const CommitEvents&) {}), "unknown revision 'no-such-revision'");
}

namespace {
// Cuts the loose object file of `id` to its first 10 bytes; returns its path and old bytes.
std::pair<fs::path, std::string> truncate_loose(TempRepo& repo, const std::string& id) {
  fs::path object = fs::path(repo.path()) / ".git" / "objects" / id.substr(0, 2) / id.substr(2);
  REQUIRE(fs::exists(object));
  std::string bytes = edict::testing::slurp(object);
  fs::permissions(object, fs::perms::owner_read | fs::perms::owner_write);
  std::ofstream(object, std::ios::binary | std::ios::trunc) << bytes.substr(0, 10);
  return {object, bytes};
}
}  // namespace

// libgit2 1.5 spins forever inflating a truncated loose blob; edict checks loose objects first.
TEST_CASE("stream and the CLI: a truncated loose object is a HistoryError naming it, exit 2") {
  TempRepo repo;
  repo.write("rules/a.edict", rule("R1", "x == 1"));
  repo.commit("one");
  repo.write("rules/a.edict", rule("R1", "x == 2"));
  repo.commit("two");
  std::string blob = repo.rev("HEAD:rules/a.edict");
  auto [object, bytes] = truncate_loose(repo, blob);

  // Every loose object is checked when the repository is opened.
  try {
    Repository r = Repository::open(repo.path());
    stream(r, {}, [](const CommitEvents&) {});
    FAIL("no error for a corrupt object");
  } catch (const HistoryError& e) {
    std::string what = e.what();
    CHECK(what.find("corrupt git object " + blob) != std::string::npos);
    INFO(what);
    CHECK(what.find("truncated") != std::string::npos);
  }

  // A garbled (not truncated) object is caught too.
  std::string garbled = bytes;
  for (size_t i = 2; i < garbled.size(); ++i) garbled[i] = static_cast<char>(garbled[i] ^ 0x5a);
  std::ofstream(object, std::ios::binary | std::ios::trunc) << garbled;
  CHECK_THROWS_WITH(Repository::open(repo.path()), Catch::Contains("corrupt git object " + blob));

  std::string exe = edict::testing::edict_binary();
  if (exe.empty()) return;
  std::ofstream(object, std::ios::binary | std::ios::trunc) << bytes.substr(0, 10);
  std::string out;
  int rc = edict::testing::sh("timeout 60 " + exe + " stream --repo " + edict::testing::shell_quote(repo.path()), &out, true);
  CHECK(rc == 2);
  CHECK(out.find("corrupt git object " + blob) != std::string::npos);
  rc = edict::testing::sh("timeout 60 " + exe + " diff --repo " + edict::testing::shell_quote(repo.path()) + " HEAD~1 HEAD", &out, true);
  CHECK(rc == 2);
  CHECK(out.find("corrupt git object " + blob) != std::string::npos);
}

// A damaged commit that only libgit2's revision walk reads (a parent of HEAD) hung `stream`: the
// check at open covers objects edict never looks up itself.
TEST_CASE("stream: a truncated parent commit is an error naming it, not a hang") {
  TempRepo repo;
  repo.write("rules/a.edict", rule("R1", "x == 1"));
  repo.commit("one");
  repo.write("rules/a.edict", rule("R1", "x == 2"));
  repo.commit("two");
  repo.write("rules/b.edict", rule("R2", "x == 3"));
  repo.commit("three");
  std::string parent = repo.rev("HEAD~1");
  truncate_loose(repo, parent);
  CHECK_THROWS_WITH(Repository::open(repo.path()), Catch::Contains("corrupt git object " + parent));
  std::string exe = edict::testing::edict_binary();
  if (exe.empty()) return;
  std::string out;
  int rc = edict::testing::sh("timeout 60 " + exe + " stream --repo " + edict::testing::shell_quote(repo.path()), &out, true);
  CHECK(rc == 2);
  CHECK(out.find("corrupt git object " + parent) != std::string::npos);
}
