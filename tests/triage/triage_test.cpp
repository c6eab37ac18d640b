// Triage (triage/triage.h): globs, rule selection, waiver files and their expiry, applying waivers
// and baselines to real evaluation results, the baseline round trip, and the exit-code gate.
#include "triage/triage.h"

#include <catch2/catch.hpp>

#include "compiler/compiler.h"
#include "loaders/loader.h"

using namespace edict;

namespace {

constexpr const char* kRules = R"(
rule R_ENC {
  severity high
  controls "CIS-AWS-2.3.1", "CKV_AWS_16"
  on       aws_db_instance
  assert   storage_encrypted == true
}
rule R_AZ {
  severity low
  controls "CKV_AWS_157"
  on       aws_db_instance
  assert   multi_az == true
}
rule R_SIZE {
  severity info
  on       aws_db_instance
  assert   allocated_storage * 2 < 1000
}
)";

// Three databases: `a` fails both rules, `b` fails R_AZ and errors in R_SIZE, `c` has an unknown
// storage_encrypted (and an ARN).
constexpr const char* kPlan = R"({"format_version": "1.2", "resource_changes": [
  {"address": "aws_db_instance.a", "mode": "managed", "type": "aws_db_instance", "name": "a",
   "change": {"actions": ["create"], "before": null, "after_unknown": {},
     "after": {"storage_encrypted": false, "multi_az": false, "allocated_storage": 10}}},
  {"address": "aws_db_instance.b", "mode": "managed", "type": "aws_db_instance", "name": "b",
   "change": {"actions": ["create"], "before": null, "after_unknown": {},
     "after": {"storage_encrypted": true, "multi_az": false, "allocated_storage": "big"}}},
  {"address": "module.m.aws_db_instance.c[0]", "module_address": "module.m", "mode": "managed",
   "type": "aws_db_instance", "name": "c", "index": 0,
   "change": {"actions": ["update"], "before": null, "after_unknown": {"storage_encrypted": true},
     "after": {"multi_az": true, "allocated_storage": 10, "arn": "arn:aws:rds:eu-west-1:1:db:c"}}}
]})";

struct Run {
  std::unique_ptr<bytecode::Program> program;
  model::ResourceSet set;
  engine::Results results;
  Run() {
    auto sources = std::make_shared<lang::SourceManager>();
    sources->add("t.edict", kRules);
    lang::DiagnosticSink sink;
    program = compiler::compile(sources, sink, {}).program;
    REQUIRE(program);
    loaders::load_text(set, kPlan, "plan.json");
    set.finish();
    engine::EvalOptions opts;
    opts.now_unix = 1;
    results = engine::evaluate(*program, set, opts);
  }
  const engine::Result& get(const std::string& rule, const std::string& address) const {
    for (const engine::Result& r : results.items) {
      if (r.rule->id == rule && r.resource->address == address) return r;
    }
    FAIL("no result " << rule << " " << address);
    return results.items.front();
  }
};

// 2026-01-01T00:00:00Z
constexpr int64_t kNewYear = 1767225600;

triage::WaiverFile waivers(const std::string& yaml) {
  triage::WaiverFile file;
  std::string error;
  INFO(error);
  REQUIRE(triage::parse_waivers(yaml, "w.yaml", file, error));
  return file;
}

std::string waiver_error(const std::string& yaml) {
  triage::WaiverFile file;
  std::string error;
  CHECK_FALSE(triage::parse_waivers(yaml, "w.yaml", file, error));
  CHECK(file.waivers.empty());
  return error;
}

}  // namespace

TEST_CASE("globs: * and ? are the only wildcards") {
  using triage::glob_match;
  CHECK(glob_match("*", ""));
  CHECK(glob_match("*", "module.db.aws_db_instance.this[0]"));
  CHECK(glob_match("aws_instance.web[0]", "aws_instance.web[0]"));
  CHECK_FALSE(glob_match("aws_instance.web[0]", "aws_instance.web0"));
  CHECK(glob_match("module.*.aws_s3_bucket.*", "module.a.b.aws_s3_bucket.logs"));
  CHECK(glob_match("arn:aws:s3:::acme-*", "arn:aws:s3:::acme-logs"));
  CHECK(glob_match("CUSTOM_???_001", "CUSTOM_RDS_001"));
  CHECK_FALSE(glob_match("CUSTOM_???_001", "CUSTOM_RDSX_001"));
  CHECK(glob_match("a*b*c", "aXXbYYbZc"));
  CHECK_FALSE(glob_match("a*b*c", "aXXbYYbZ"));
  CHECK_FALSE(glob_match("", "x"));
  CHECK(triage::is_glob("a*"));
  CHECK_FALSE(triage::is_glob("aws_instance.web[0]"));
}

TEST_CASE("rule selection by id and glob, with errors for names that match nothing") {
  Run run;
  std::vector<std::string> ids;
  std::string error;
  REQUIRE(triage::select_rules(*run.program, {"R_*"}, {"R_SIZE"}, ids, error));
  CHECK(ids == std::vector<std::string>{"R_ENC", "R_AZ"});
  REQUIRE(triage::select_rules(*run.program, {}, {"*AZ"}, ids, error));
  CHECK(ids == std::vector<std::string>{"R_ENC", "R_SIZE"});
  CHECK_FALSE(triage::select_rules(*run.program, {"R_EMC"}, {}, ids, error));
  CHECK(error == "unknown rule id 'R_EMC' (did you mean 'R_ENC'?)");
  CHECK_FALSE(triage::select_rules(*run.program, {}, {"X*"}, ids, error));
  CHECK(error == "--skip-rule 'X*' matches no rule");
  CHECK_FALSE(triage::select_rules(*run.program, {"R_ENC"}, {"R_*"}, ids, error));
  CHECK(error == "--rule and --skip-rule leave no rule to run");
}

TEST_CASE("rule selection by control: any control matching any pattern, AND with --rule and --skip-rule") {
  Run run;
  std::vector<std::string> ids;
  std::string error;
  using triage::RuleSelection;
  REQUIRE(triage::select_rules(*run.program, RuleSelection{{}, {}, {"CKV_AWS_*"}}, ids, error));
  CHECK(ids == std::vector<std::string>{"R_ENC", "R_AZ"});
  REQUIRE(triage::select_rules(*run.program, RuleSelection{{}, {}, {"CKV_AWS_1?"}}, ids, error));
  CHECK(ids == std::vector<std::string>{"R_ENC"});  // CKV_AWS_16, not CKV_AWS_157
  REQUIRE(triage::select_rules(*run.program, RuleSelection{{}, {}, {"CKV_AWS_157", "CIS-*"}}, ids, error));
  CHECK(ids == std::vector<std::string>{"R_ENC", "R_AZ"});
  REQUIRE(triage::select_rules(*run.program, RuleSelection{{"*AZ", "R_SIZE"}, {}, {"CKV_*"}}, ids, error));
  CHECK(ids == std::vector<std::string>{"R_AZ"});
  REQUIRE(triage::select_rules(*run.program, RuleSelection{{}, {"R_AZ"}, {"CKV_*"}}, ids, error));
  CHECK(ids == std::vector<std::string>{"R_ENC"});
  CHECK_FALSE(triage::select_rules(*run.program, RuleSelection{{}, {}, {"NIST-*"}}, ids, error));
  CHECK(error == "--control 'NIST-*' matches no control of any rule");
  CHECK_FALSE(triage::select_rules(*run.program, RuleSelection{{}, {}, {"CKV_AWS_1"}}, ids, error));
  CHECK(error == "--control 'CKV_AWS_1' matches no control of any rule (controls are matched exactly unless the "
                 "pattern has * or ?)");
  CHECK_FALSE(triage::select_rules(*run.program, RuleSelection{{"R_SIZE"}, {}, {"CIS-*"}}, ids, error));
  CHECK(error == "--rule, --skip-rule and --control leave no rule to run");
  CHECK(triage::has_control(run.program->rules[0], {"CIS-AWS-2.3.*"}));
  CHECK_FALSE(triage::has_control(run.program->rules[2], {"*"}));  // R_SIZE has no controls
}

TEST_CASE("waiver files: keys, line numbers and every kind of mistake with file:line:col") {
  triage::WaiverFile f = waivers(
      "waivers:\n"
      "  - rule: R_ENC\n"
      "    resource: aws_db_instance.a\n"
      "    reason: migrating\n"
      "    owner: team\n"
      "    expires: 2026-01-01\n");
  REQUIRE(f.waivers.size() == 1);
  CHECK(f.waivers[0].where() == "w.yaml:2");
  CHECK(f.waivers[0].owner == "team");
  CHECK(f.waivers[0].expires_at == kNewYear + 86400);  // covers the whole of its last day

  CHECK(waivers("").waivers.empty());
  CHECK(waivers("waivers:\n").waivers.empty());
  CHECK(waiver_error("waivers:\n  - rule: R\n    resource: x\n    expires: 2026-01-01\n") ==
        "w.yaml:2:5: a waiver without 'reason' (why the finding is accepted)");
  CHECK(waiver_error("waivers:\n  - rule: R\n    resource: x\n    reason: r\n") ==
        "w.yaml:2:5: a waiver without 'expires' (a date YYYY-MM-DD: every waiver must end)");
  CHECK(waiver_error("waivers:\n  - rule: R\n    resource: x\n    reason: r\n    expires: 2025-02-29\n") ==
        "w.yaml:5:14: 'expires' must be a date YYYY-MM-DD, got '2025-02-29'");
  CHECK(waivers("waivers:\n  - {rule: R, resource: x, reason: r, expires: 2024-02-29}\n").waivers.size() == 1);
  CHECK(waiver_error("waivers:\n  - {rule: R, resource: x, reason: r, expires: 2026-1-1}\n").find("got '2026-1-1'") !=
        std::string::npos);
  CHECK(waiver_error("waivers:\n  - {rule: R, resource: x, reason: r, expires: 2026-01-01, team: a}\n") ==
        "w.yaml:2:60: unknown key 'team' in a waiver (keys: rule, resource, reason, expires, owner)");
  CHECK(waiver_error("waivers:\n  - {rule: R, rule: S, resource: x, reason: r, expires: 2026-01-01}\n") ==
        "w.yaml:2:15: duplicate key 'rule' in a waiver");
  CHECK(waiver_error("waivers:\n  - {rule: [R], resource: x, reason: r, expires: 2026-01-01}\n") ==
        "w.yaml:2:6: 'rule' must be a non-empty string");
  CHECK(waiver_error("- rule: R\n") ==
        "w.yaml:1:1: a waiver file is a mapping with one key, 'waivers' (a list of waivers)");
  CHECK(waiver_error("waivers: [\n").rfind("w.yaml:", 0) == 0);
}

TEST_CASE("applying waivers: first match wins, unknowns are waivable, errors are not, expiry is exact") {
  const std::string yaml =
      "waivers:\n"
      "  - {rule: R_ENC, resource: aws_db_instance.a, reason: first, expires: 2026-01-01}\n"
      "  - {rule: 'R_*', resource: aws_db_instance.a, reason: second, expires: 2026-12-31}\n"
      "  - {rule: R_ENC, resource: 'arn:aws:rds:*:db:c', reason: by arn, expires: 2026-12-31}\n"
      "  - {rule: R_SIZE, resource: '*', reason: errors stay, expires: 2026-12-31}\n"
      "  - {rule: R_AZ, resource: aws_db_instance.b, reason: old, expires: 2025-12-31}\n";
  triage::WaiverFile file = waivers(yaml);

  SECTION("on the last day of the first waiver") {
    Run run;
    triage::Outcome out = triage::apply(run.results, &file, nullptr, kNewYear + 86399);
    const engine::Result& enc_a = run.get("R_ENC", "aws_db_instance.a");
    CHECK(enc_a.status == engine::Status::Waived);
    CHECK(enc_a.waived_status == engine::Status::Fail);
    CHECK(enc_a.waiver->reason == "first");
    CHECK(run.get("R_AZ", "aws_db_instance.a").waiver->reason == "second");
    const engine::Result& enc_c = run.get("R_ENC", "module.m.aws_db_instance.c[0]");
    CHECK(enc_c.status == engine::Status::Waived);
    CHECK(enc_c.waived_status == engine::Status::Unknown);
    CHECK(run.get("R_SIZE", "aws_db_instance.b").status == engine::Status::Error);
    CHECK(run.get("R_AZ", "aws_db_instance.b").status == engine::Status::Fail);
    REQUIRE(out.expired.size() == 1);
    CHECK(out.expired[0]->reason == "old");
    CHECK(out.expired_matches[0] == 1);
    REQUIRE(out.orphaned.size() == 1);
    CHECK(out.orphaned[0]->reason == "errors stay");
    CHECK(run.results.summary.waived == 3);
    CHECK(run.results.summary.fail == 1);
    CHECK(run.results.summary.unknown == 0);
    CHECK(run.results.summary.error == 1);
  }
  SECTION("waivers for rules that did not run are not orphaned; misspelt ones are") {
    Run run;
    triage::WaiverFile scoped = waivers(
        "waivers:\n"
        "  - {rule: R_SIZE, resource: '*', reason: size, expires: 2026-12-31}\n"
        "  - {rule: R_SIZ, resource: '*', reason: typo, expires: 2026-12-31}\n");
    triage::RuleScope scope{{"R_ENC", "R_AZ", "R_SIZE"}, {"R_ENC", "R_AZ"}};
    triage::Outcome out = triage::apply(run.results, &scoped, nullptr, kNewYear, &scope);
    REQUIRE(out.not_run.size() == 1);
    CHECK(out.not_run[0]->reason == "size");
    REQUIRE(out.orphaned.size() == 1);
    CHECK(out.orphaned[0]->reason == "typo");
  }
  SECTION("the next day the second waiver takes over") {
    Run run;
    triage::Outcome out = triage::apply(run.results, &file, nullptr, kNewYear + 86400);
    CHECK(run.get("R_ENC", "aws_db_instance.a").waiver->reason == "second");
    CHECK(out.expired.size() == 2);
  }
}

TEST_CASE("baselines: create, read back, apply; only new failures block") {
  Run run;
  std::string text = triage::render_baseline(run.results);
  CHECK(text ==
        "{\n  \"edict_baseline\": 1,\n  \"findings\": [\n"
        "    {\"rule\": \"R_AZ\", \"resource\": \"aws_db_instance.a\"},\n"
        "    {\"rule\": \"R_AZ\", \"resource\": \"aws_db_instance.b\"},\n"
        "    {\"rule\": \"R_ENC\", \"resource\": \"aws_db_instance.a\"}\n  ]\n}\n");
  triage::Baseline baseline;
  std::string error;
  REQUIRE(triage::parse_baseline(text, "base.json", baseline, error));
  CHECK(baseline.findings.size() == 3);

  SECTION("the round trip: every failure is known, the gate passes, re-creating gives the same bytes") {
    triage::Outcome out = triage::apply(run.results, nullptr, &baseline, kNewYear);
    CHECK(out.new_failures == 0);
    CHECK(out.absent.empty());
    CHECK(run.results.summary.baselined == 3);
    CHECK(triage::render_baseline(run.results) == text);
    triage::GateOptions gate;
    CHECK(triage::exit_code(run.results, gate) == 1);  // the R_SIZE error is never baselined
    gate.fail_on = engine::severity_rank("low");
    CHECK(triage::exit_code(run.results, gate) == 0);
  }
  SECTION("a finding missing from the baseline is new; a stale entry is absent") {
    triage::Baseline partial;
    REQUIRE(triage::parse_baseline(R"({"edict_baseline": 1, "findings": [
        {"rule": "R_AZ", "resource": "aws_db_instance.b"}, {"rule": "R_AZ", "resource": "aws_db_instance.a"},
        {"rule": "R_ENC", "resource": "aws_db_instance.gone"}]})",
                                   "p.json", partial, error));
    triage::Outcome out = triage::apply(run.results, nullptr, &partial, kNewYear);
    CHECK(out.new_failures == 1);
    REQUIRE(out.absent.size() == 1);
    CHECK(out.absent[0].resource == "aws_db_instance.gone");
    CHECK_FALSE(run.get("R_ENC", "aws_db_instance.a").baselined);
    triage::GateOptions gate;
    gate.fail_on = engine::severity_rank("low");
    CHECK(triage::exit_code(run.results, gate) == 1);
    gate.fail_on = engine::severity_rank("critical");
    CHECK(triage::exit_code(run.results, gate) == 0);
  }
  SECTION("bad baseline files") {
    triage::Baseline b;
    CHECK_FALSE(triage::parse_baseline("{}", "b.json", b, error));
    CHECK(error == "b.json: not a baseline file (no \"edict_baseline\" key; create one with `edict baseline create`)");
    // Numbers out of double's range were an uncaught out_of_range (found by fuzz_baseline).
    CHECK_FALSE(triage::parse_baseline("4e444", "b.json", b, error));
    CHECK(error.rfind("b.json:1:1: number out of range", 0) == 0);
    CHECK_FALSE(triage::parse_baseline(R"({"edict_baseline": 1e400, "findings": []})", "b.json", b, error));
    CHECK(error.rfind("b.json:1:20: number out of range", 0) == 0);
    CHECK_FALSE(triage::parse_baseline(R"({"edict_baseline": 2, "findings": []})", "b.json", b, error));
    CHECK(error == "b.json: unsupported baseline version 2 (this edict reads version 1)");
    CHECK_FALSE(triage::parse_baseline(R"({"edict_baseline": 1, "findings": [{"rule": 1}]})", "b.json", b, error));
    CHECK(error == "b.json: findings[0] must be an object with the strings \"rule\" and \"resource\"");
    // Numbers no double holds, duplicate keys and raw bytes: located errors, never an exception.
    const std::string hint = " (a baseline file is JSON written by `edict baseline create`)";
    CHECK_FALSE(triage::parse_baseline(R"({"edict_baseline": 1e400, "findings": []})", "b.json", b, error));
    CHECK(error == "b.json:1:20: number out of range (larger than a double can hold)" + hint);
    CHECK_FALSE(triage::parse_baseline("4e444", "b.json", b, error));
    CHECK(error == "b.json:1:1: number out of range (larger than a double can hold)" + hint);
    CHECK_FALSE(triage::parse_baseline(R"({"edict_baseline": 1, "findings": [], "findings": []})", "b.json", b, error));
    CHECK(error == "b.json:1:39: duplicate key \"findings\" (first given at line 1, column 23)" + hint);
    CHECK_FALSE(triage::parse_baseline("{\"edict_baseline\": \x1b[2J}", "b.json", b, error));
    CHECK(error.find('\x1b') == std::string::npos);
  }
}

TEST_CASE("the gate: fail and error block by severity; waived and baselined never; soft-fail never") {
  Run run;
  triage::GateOptions gate;
  CHECK(triage::exit_code(run.results, gate) == 1);
  gate.fail_on = engine::severity_rank("critical");
  CHECK(triage::exit_code(run.results, gate) == 0);
  gate.fail_on = engine::severity_rank("high");
  CHECK(triage::exit_code(run.results, gate) == 1);
  gate.soft_fail = true;
  CHECK(triage::exit_code(run.results, gate) == 0);
  gate = {};
  CHECK(triage::blocks(run.get("R_SIZE", "aws_db_instance.b"), gate));
  gate.fail_on = engine::severity_rank("low");
  CHECK_FALSE(triage::blocks(run.get("R_SIZE", "aws_db_instance.b"), gate));
  CHECK_FALSE(triage::blocks(run.get("R_ENC", "module.m.aws_db_instance.c[0]"), triage::GateOptions{}));
}
