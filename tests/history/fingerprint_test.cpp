// Tests for history/fingerprint.cpp: what counts as a change of a rule's meaning (and which part)
// and what does not (comments, layout, bound-variable names, metadata order), and compare().
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "history/history.h"

using namespace edict::history;

namespace {

// The rule table of files given as (path, text) pairs.
RuleTable table(const std::vector<std::pair<std::string, std::string>>& files) {
  std::vector<std::shared_ptr<const ParsedFile>> parsed;
  std::vector<const ParsedFile*> ptrs;
  for (const auto& [path, text] : files) {
    parsed.push_back(parse_rule_file(path, text));
    REQUIRE(parsed.back()->ok);
    ptrs.push_back(parsed.back().get());
  }
  return rule_table(ptrs);
}

// The changed parts of rule R between two versions of one file.
std::vector<std::string> parts(const std::string& before, const std::string& after) {
  RuleTable a = table({{"r.edict", before}}), b = table({{"r.edict", after}});
  REQUIRE(a.count("R") == 1);
  REQUIRE(b.count("R") == 1);
  return changed_parts(a.at("R").fingerprint, b.at("R").fingerprint);
}

using Parts = std::vector<std::string>;

const std::string kBase = R"(package p
def big(x) = x > 10
rule R {
  title "Volumes stay small"
  severity high
  controls "A-1", "B-2"
  on aws_ebs_volume
  when tags.Env == "prod"
  assert not big(size)
  assert all t in tags: t != "bad"
  message "{@address} is too big"
}
)";

std::string replace(std::string s, const std::string& from, const std::string& to) {
  size_t at = s.find(from);
  REQUIRE(at != std::string::npos);
  return s.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("comments, layout and bound-variable names are not changes") {
  std::string reformatted = R"(package p
# a comment
def big(limit) =
  limit > 10   # renamed parameter
rule R {
  severity   high
  title      "Volumes stay small"      # order of metadata does not matter
  controls   "B-2", "A-1"
  on         aws_ebs_volume
  when       (tags.Env == "prod")
  assert     not big(size)
  assert     all tag in tags: tag != "bad"
  message    "{@address} is too big"
}
)";
  CHECK(parts(kBase, reformatted).empty());
  CHECK(parts(kBase, replace(kBase, "x > 10", "x > 1e1")).empty());  // the same number
}

TEST_CASE("each part of a rule is told apart") {
  CHECK(parts(kBase, replace(kBase, "title \"Volumes stay small\"", "title \"Small volumes\"")) == Parts{"metadata"});
  CHECK(parts(kBase, replace(kBase, "severity high", "severity low")) == Parts{"metadata"});
  CHECK(parts(kBase, replace(kBase, "is too big", "is big")) == Parts{"metadata"});
  CHECK(parts(kBase, replace(kBase, "on aws_ebs_volume", "on aws_ebs_volume, aws_ebs_snapshot")) == Parts{"types"});
  CHECK(parts(kBase, replace(kBase, "\"prod\"", "\"production\"")) == Parts{"guard"});
  CHECK(parts(kBase, replace(kBase, "t != \"bad\"", "t != \"worse\"")) == Parts{"asserts"});
  CHECK(parts(kBase, replace(kBase, "package p", "package q")) == Parts{"package"});
  // A bound variable and an attribute are told apart.
  CHECK(parts(kBase, replace(kBase, "all t in tags: t != \"bad\"", "all t in tags: tags != \"bad\"")) ==
        Parts{"asserts"});
}

TEST_CASE("a def counts by its meaning, resolved in the same revision") {
  // Changing the def changes the asserts of the rule that calls it.
  CHECK(parts(kBase, replace(kBase, "x > 10", "x > 20")) == Parts{"asserts"});
  // Renaming the def (and its call) changes nothing: the body is the same.
  std::string renamed = replace(replace(kBase, "def big(x)", "def large(x)"), "not big(size)", "not large(size)");
  CHECK(parts(kBase, renamed).empty());
  // A def in another file of the same package counts too.
  std::string rule = "package p\nrule R {\n  on aws_ebs_volume\n  assert small(size)\n}\n";
  RuleTable a = table({{"defs.edict", "package p\ndef small(s) = s < 10\n"}, {"r.edict", rule}});
  RuleTable b = table({{"defs.edict", "package p\ndef small(s) = s < 5\n"}, {"r.edict", rule}});
  CHECK(changed_parts(a.at("R").fingerprint, b.at("R").fingerprint) == Parts{"asserts"});
  // Imported packages resolve through their alias.
  std::string user = "package q\nimport p as lib\nrule R {\n  on aws_ebs_volume\n  assert lib.small(size)\n}\n";
  RuleTable c = table({{"defs.edict", "package p\ndef small(s) = s < 10\n"}, {"r.edict", user}});
  RuleTable d = table({{"defs.edict", "package p\ndef small(s) = s < 5\n"}, {"r.edict", user}});
  CHECK(changed_parts(c.at("R").fingerprint, d.at("R").fingerprint) == Parts{"asserts"});
}

TEST_CASE("parse_rule_file: broken and empty files") {
  auto broken = parse_rule_file("x.edict", "rule R {\n  on aws_s3_bucket\n  assert (\n}\n");
  CHECK_FALSE(broken->ok);
  CHECK(broken->error.rfind("x.edict:4:1: error[E0101]", 0) == 0);
  auto empty = parse_rule_file("e.edict", "# nothing left here\n");
  CHECK(empty->ok);  // every rule removed is not a syntax error
  CHECK(empty->module.rules.empty());
}

TEST_CASE("compare: add, remove, modify, move, and modify wins over move") {
  RuleTable before = table(
      {{"a.edict", "rule A {\n on t\n assert x\n}\nrule B {\n on t\n assert y\n}\nrule C {\n on t\n assert z\n}\n"}});
  RuleTable after = table({{"a.edict", "rule B {\n on t\n assert y == 1\n}\n"},
                           {"b.edict", "rule C {\n on t\n assert z\n}\nrule D {\n on t\n assert w\n}\n"}});
  std::vector<RuleChange> changes = compare(before, after);
  REQUIRE(changes.size() == 4);
  CHECK((changes[0].kind == ChangeKind::Remove && changes[0].rule.id == "A" && changes[0].rule.file == "a.edict"));
  CHECK((changes[1].kind == ChangeKind::Modify && changes[1].rule.id == "B" && changes[1].parts == Parts{"asserts"}));
  CHECK((changes[2].kind == ChangeKind::Move && changes[2].rule.id == "C" && changes[2].previous.file == "a.edict" &&
         changes[2].rule.file == "b.edict"));
  CHECK((changes[3].kind == ChangeKind::Add && changes[3].rule.id == "D"));
  RuleTable moved_and_changed = table({{"b.edict", "rule B {\n on t\n assert y == 2\n}\n"}});
  std::vector<RuleChange> mc = compare(table({{"a.edict", "rule B {\n on t\n assert y\n}\n"}}), moved_and_changed);
  REQUIRE(mc.size() == 1);
  CHECK(mc[0].kind == ChangeKind::Modify);
  CHECK(mc[0].previous.file == "a.edict");
}

TEST_CASE("names and calls mean what the compiler resolved them to") {
  // A def of the package shadows the builtin of the same name, so its body counts.
  std::string shadow = "package p\ndef lower(s) = s\nrule R {\n  on aws_s3_bucket\n  assert lower(bucket) == \"x\"\n}\n";
  CHECK(parts(shadow, replace(shadow, "def lower(s) = s", "def lower(s) = s + \"!\"")) == Parts{"asserts"});
  // Without the def it is the builtin; defining one changes what the call means.
  std::string builtin = "rule R {\n  on aws_s3_bucket\n  assert lower(bucket) == \"x\"\n}\n";
  CHECK(parts(builtin, "def lower(s) = s\n" + builtin) == Parts{"asserts"});
  // A domain counts by the type it names; its bound variable by its slot, whatever its name.
  std::string domain = "rule R {\n  on aws_s3_bucket\n  assert some b in resources(aws_s3_bucket): b.id == id\n}\n";
  CHECK(parts(domain, replace(domain, "resources(aws_s3_bucket)", "resources(aws_s3_object)")) == Parts{"asserts"});
  CHECK(parts(domain, replace(domain, "resources(", "data(")) == Parts{"asserts"});
  CHECK(parts(domain, replace(replace(domain, "some b in", "some c in"), "b.id", "c.id")).empty());
  // A name bound by a quantifier and an attribute of the same spelling are told apart.
  CHECK(parts(domain, replace(domain, "b.id == id", "b.id == b")) == Parts{"asserts"});
}
