// Tests for history/diff.cpp and history/impact.cpp: diffs between revisions and their default
// range, rules changed on disk since a revision, the verdicts a change flips, and the CLI's exit codes.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "git_fixture.h"
#include "history/history.h"
#include "history/impact.h"
#include "tests/skip.h"

using namespace edict::history;
using edict::testing::TempRepo;

namespace {

const std::string kVolumes = EDICT_SOURCE_DIR "/tests/history/inputs/volumes.json";  // sizes 10, 50, 100, 500

std::string rule(const std::string& id, const std::string& assert_text) {
  return "rule " + id + " {\n  on aws_ebs_volume\n  assert " + assert_text + "\n}\n";
}

std::vector<std::string> summary(const DiffResult& d) {
  std::vector<std::string> out;
  for (const RuleChange& c : d.changes) out.push_back(std::string(change_name(c.kind)) + " " + c.rule.id);
  return out;
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("diff between two revisions, and the default range") {
  TempRepo repo;
  repo.write("rules/ebs.edict", rule("SIZE", "size <= 200") + rule("ENC", "encrypted == true"));
  std::string c1 = repo.commit("one");
  repo.write("rules/ebs.edict", rule("SIZE", "size <= 200"));
  repo.write("rules/enc.edict", rule("ENC", "encrypted == true"));
  std::string c2 = repo.commit("split");
  Repository r = Repository::open(repo.path());

  DiffResult d = diff(r, c1, c2);
  CHECK(summary(d) == Lines{"moved ENC"});
  CHECK(d.source.commit == c1);
  CHECK(d.target.commit == c2);

  // On the default branch: HEAD~1 against HEAD.
  DiffResult def = diff(r, "", "");
  CHECK(def.source.spec == "HEAD~1");
  CHECK(def.source.commit == c1);
  CHECK(def.why.find("default branch 'main'") != std::string::npos);

  // On a feature branch: the merge base with main against HEAD, whatever main did since.
  repo.git("checkout -q -b feature");
  repo.write("rules/ebs.edict", rule("SIZE", "size <= 100"));
  repo.commit("feature: tighten");
  repo.write("rules/new.edict", rule("NAME", "tags.Name != null"));
  repo.commit("feature: new rule");
  repo.git("checkout -q main");
  repo.write("rules/enc.edict", rule("ENC", "encrypted == true and kms_key_id != null"));
  repo.commit("main: moves on");
  repo.git("checkout -q feature");
  DiffResult branch = diff(r, "", "");
  CHECK(branch.source.commit == c2);
  CHECK(branch.source.spec == "merge-base(main, HEAD)");
  CHECK(summary(branch) == Lines{"added NAME", "modified SIZE"});

  // A root commit is compared with the empty tree.
  TempRepo fresh;
  fresh.write("a.edict", rule("A", "size > 0"));
  fresh.commit("root");
  Repository f = Repository::open(fresh.path());
  DiffResult first = diff(f, "", "");
  CHECK(first.source.commit.empty());
  CHECK(summary(first) == Lines{"added A"});

  CHECK_THROWS_WITH(diff(r, "no-such-rev", ""), "unknown revision 'no-such-rev'");
}

TEST_CASE("impact: tightening a rule flips exactly the resources between the limits") {
  TempRepo repo;
  repo.write("rules/ebs.edict", rule("SIZE", "size <= 200") + rule("ENC", "encrypted == true"));
  std::string before = repo.commit("limits");
  repo.write("rules/ebs.edict", "# tighter\n" + rule("SIZE", "size <= 60") + rule("ENC", "encrypted == true"));
  repo.write("rules/gone.edict", "");
  std::string after = repo.commit("tighten SIZE");
  Repository r = Repository::open(repo.path());

  DiffResult d = diff(r, before, after);
  REQUIRE(summary(d) == Lines{"modified SIZE"});
  ImpactResult imp = impact(d, {kVolumes});
  CHECK(imp.resources == 4);
  CHECK(imp.rules == Lines{"SIZE"});
  REQUIRE(imp.flips.size() == 1);  // 10 and 50 pass both, 500 fails both: only 100 flips
  CHECK(imp.flips[0].rule == "SIZE");
  CHECK(imp.flips[0].address == "aws_ebs_volume.large");
  CHECK(imp.flips[0].before == edict::engine::Status::Pass);
  CHECK(imp.flips[0].after == edict::engine::Status::Fail);

  // Added and removed rules list every result on their side.
  repo.write("rules/ebs.edict", rule("SIZE", "size <= 60"));
  repo.write("rules/name.edict", rule("NAME", "tags.Name != \"huge\""));
  std::string third = repo.commit("drop ENC, add NAME");
  ImpactResult imp2 = impact(diff(r, after, third), {kVolumes});
  size_t name_new = 0, enc_gone = 0;
  for (const Flip& fl : imp2.flips) {
    if (fl.rule == "NAME" && !fl.before && fl.after) ++name_new;
    if (fl.rule == "ENC" && fl.before == edict::engine::Status::Pass && !fl.after) ++enc_gone;
  }
  CHECK(name_new == 4);
  CHECK(enc_gone == 4);
  CHECK(imp2.flips.size() == 8);
}

TEST_CASE("changed_since: rules added or modified on disk since a revision") {
  TempRepo repo;
  repo.write("rules/a.edict", rule("KEEP", "size > 0") + rule("EDIT", "size < 100"));
  repo.write("other/x.edict", rule("ELSEWHERE", "size > 1"));
  std::string base = repo.commit("base");
  repo.write("rules/a.edict", rule("KEEP", "size  >  0   # same") + rule("EDIT", "size < 50"));
  repo.write("rules/b.edict", rule("NEW", "encrypted"));  // not committed: the work tree counts
  Repository r = Repository::open(repo.path());
  CHECK(changed_since(r, base, {repo.path() + "/rules"}) == Lines{"EDIT", "NEW"});
  CHECK(changed_since(r, "HEAD", {repo.path() + "/rules/a.edict"}) == Lines{"EDIT"});
  CHECK_THROWS_AS(changed_since(r, "nope", {repo.path() + "/rules"}), HistoryError);
  Repository found = Repository::discover(repo.path() + "/rules/a.edict");
  CHECK(found.workdir() == r.workdir());
}

TEST_CASE("CLI: stream, diff and --changed-since exit 0, bad input exits 2 with a message") {
  std::string edict = edict::testing::edict_binary();
  if (edict.empty()) {
    edict::testing::skip_test("no edict binary next to the tests, for the CLI checks");
    return;
  }
  using edict::testing::sh;
  using edict::testing::shell_quote;
  TempRepo repo;
  repo.write("rules/ebs.edict", rule("SIZE", "size <= 200"));
  repo.commit("one");
  repo.write("rules/ebs.edict", rule("SIZE", "size <= 60"));
  repo.commit("two");
  std::string e = shell_quote(edict), dir = shell_quote(repo.path());
  edict::testing::TempDir tmp;
  std::string out;

  CHECK(sh(e + " stream --repo " + dir + " --format jsonl", &out) == 0);
  CHECK(out.find("\"event\":\"rule-modify\"") != std::string::npos);
  CHECK(sh(e + " diff --repo " + dir + " --format json --impact " + shell_quote(kVolumes), &out) == 0);
  CHECK(out.find("\"address\": \"aws_ebs_volume.large\"") != std::string::npos);
  CHECK(sh(e + " evaluate --changed-since HEAD --rules " + dir + "/rules " + shell_quote(kVolumes), &out, true) == 0);
  CHECK(out.find("0 rules changed since HEAD") != std::string::npos);
  CHECK(sh(e + " evaluate --changed-since HEAD~1 --rules " + dir + "/rules " + shell_quote(kVolumes), &out, true) == 1);

  CHECK(sh(e + " stream --repo " + shell_quote(tmp.str()), &out, true) == 2);
  CHECK(out.find("is not a git repository") != std::string::npos);
  CHECK(sh(e + " diff --repo " + dir + " nope", &out, true) == 2);
  CHECK(out.find("unknown revision 'nope'") != std::string::npos);
  CHECK(sh(e + " stream --repo " + dir + " --since nope", &out, true) == 2);
  CHECK(sh(e + " evaluate --changed-since nope --rules " + dir + "/rules " + shell_quote(kVolumes), &out, true) == 2);
  std::string bad = tmp.str() + "/bad.sqlite";
  std::ofstream(bad) << "not a database";
  CHECK(sh(e + " stream --repo " + dir + " --db " + shell_quote(bad), &out, true) == 2);
  CHECK(out.find("not a SQLite database") != std::string::npos);
  CHECK(edict::testing::slurp(bad) == "not a database");
  std::string db = tmp.str() + "/h.sqlite";
  CHECK(sh(e + " stream --repo " + dir + " --db " + shell_quote(db), &out) == 0);
  CHECK(sh(e + " stream --repo " + dir + " --db " + shell_quote(db), &out) == 0);
  CHECK(out.empty());  // nothing new
}

TEST_CASE("CLI: stream and diff on a repository with no rule files say so") {
  std::string edict = edict::testing::edict_binary();
  if (edict.empty()) {
    WARN("no edict binary next to the tests; CLI checks skipped");
    return;
  }
  using edict::testing::sh;
  using edict::testing::shell_quote;
  TempRepo repo;
  repo.write("README.md", "no rules here\n");
  repo.commit("one");
  repo.write("README.md", "still none\n");
  repo.commit("two");
  std::string e = shell_quote(edict), dir = shell_quote(repo.path());
  std::string out;
  CHECK(sh(e + " stream --repo " + dir, &out, true) == 0);
  CHECK(out.find("the repository has no rule files (*.edict) or Custodian policy files at HEAD; nothing to stream") != std::string::npos);
  CHECK(sh(e + " diff --repo " + dir, &out, true) == 0);
  CHECK(out.find("the repository has no rule files (*.edict) or Custodian policy files at HEAD") != std::string::npos);
  // With rule files but no change in the commits read, stream says that instead.
  repo.write("rules/ebs.edict", rule("SIZE", "size <= 200"));
  repo.commit("three");
  CHECK(sh(e + " stream --repo " + dir + " --since HEAD", &out, true) == 0);
  CHECK(out.find("no rule changes in 0 commits") != std::string::npos);
  // A rule file whose name holds ESC is listed escaped, in stream and in diff.
  repo.write("rules/x\x1b[2J.edict", rule("OTHER", "size <= 1"));
  repo.commit("four");
  CHECK(sh(e + " stream --repo " + dir + " --since HEAD~1", &out) == 0);
  CHECK(out.find("rules/x\\x1b[2J.edict") != std::string::npos);
  CHECK(out.find('\x1b') == std::string::npos);
  CHECK(sh(e + " diff --repo " + dir, &out) == 0);
  CHECK(out.find("rules/x\\x1b[2J.edict") != std::string::npos);
  CHECK(out.find('\x1b') == std::string::npos);
}
