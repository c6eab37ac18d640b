// The core scan API (scan/scan.h, scan/live.h) called directly: a plan with failures, rules that
// do not compile (diagnostics returned, nothing printed), bad inputs and options, a state file
// carried across two runs, output files, and the drift scan.
#include "scan/scan.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "scan/live.h"

using namespace edict;
namespace fs = std::filesystem;

namespace {

constexpr const char* kRules = R"(rule R_ENC {
  severity high
  on       aws_db_instance
  assert   storage_encrypted == true
  message  "{@address} is not encrypted"
}
rule R_AZ {
  severity low
  on       aws_db_instance
  assert   multi_az == true
}
)";

// `a` fails both rules, `b` passes both.
constexpr const char* kPlan = R"({"format_version": "1.2", "resource_changes": [
  {"address": "aws_db_instance.a", "mode": "managed", "type": "aws_db_instance", "name": "a",
   "change": {"actions": ["create"], "before": null, "after_unknown": {},
     "after": {"storage_encrypted": false, "multi_az": false}}},
  {"address": "aws_db_instance.b", "mode": "managed", "type": "aws_db_instance", "name": "b",
   "change": {"actions": ["create"], "before": null, "after_unknown": {},
     "after": {"storage_encrypted": true, "multi_az": true}}}]})";

// A directory of its own per test, removed afterwards.
struct TempDir {
  fs::path path;
  explicit TempDir(const std::string& name) : path(fs::temp_directory_path() / ("edict-scan-" + name)) {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name, std::ios::binary) << text;
    return (path / name).string();
  }
};

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

scan::ScanOptions options(const TempDir& dir) {
  scan::ScanOptions o;
  o.rules = {dir.write("rules.edict", kRules)};
  o.inputs = {dir.write("plan.json", kPlan)};
  o.now_unix = 1700000000;
  o.waivers = "";  // no .edict-waivers.yaml is read: the tests run in the build directory
  return o;
}

}  // namespace

TEST_CASE("a plan with failures gives Findings, the results and the report") {
  TempDir dir("failures");
  scan::ScanOutcome out = scan::run(options(dir));
  REQUIRE(out.status == scan::Status::Findings);
  CHECK(scan::exit_code(out.status) == 1);
  CHECK(out.error.empty());
  REQUIRE(out.rules.ok());
  CHECK(out.results.summary.fail == 2);
  CHECK(out.results.summary.pass == 2);
  REQUIRE(out.resources);
  CHECK(out.resources->resources().size() == 2);
  CHECK(out.report.find("aws_db_instance.a is not encrypted") != std::string::npos);
  CHECK(out.log.empty());
}

TEST_CASE("selection, severity and the gate decide what runs and what blocks") {
  TempDir dir("select");
  scan::ScanOptions o = options(dir);
  o.selection.include = {"R_AZ"};
  scan::ScanOutcome only_az = scan::run(o);
  CHECK(only_az.results.items.size() == 2);
  CHECK(only_az.results.summary.fail == 1);

  o = options(dir);
  o.min_severity = "high";
  CHECK(scan::run(o).results.summary.fail == 1);

  o = options(dir);
  o.fail_on = "critical";  // nothing is critical: the failures do not block
  scan::ScanOutcome gated = scan::run(o);
  CHECK(gated.status == scan::Status::Clean);
  CHECK(gated.results.summary.fail == 2);

  o = options(dir);
  o.selection.include = {"R_NOPE"};
  scan::ScanOutcome unknown = scan::run(o);
  CHECK(unknown.status == scan::Status::Failed);
  CHECK(unknown.error.find("R_NOPE") != std::string::npos);

  o = options(dir);
  o.min_severity = "severe";
  scan::ScanOutcome bad = scan::run(o);
  CHECK(bad.status == scan::Status::Failed);
  CHECK(bad.error == "unknown severity 'severe' (use info, low, medium, high or critical)");
  CHECK(!bad.rules.sources);  // stopped before compiling
}

TEST_CASE("rules that do not compile are diagnostics in the outcome, not printed") {
  TempDir dir("badrules");
  scan::ScanOptions o = options(dir);
  o.rules = {dir.write("bad.edict", "rule R_BAD {\n  on aws_db_instance\n  assert nosuch(1)\n}\n")};
  scan::ScanOutcome out = scan::run(o);
  REQUIRE(out.status == scan::Status::Failed);
  CHECK(scan::exit_code(out.status) == 2);
  CHECK_FALSE(out.rules.ok());
  CHECK(out.rules.diagnostics.has_errors());
  REQUIRE(!out.rules.diagnostics.all().empty());
  CHECK(out.rules.diagnostics.sorted().front().code == lang::Code::UnknownName);
  CHECK(out.log.empty());
  CHECK(out.report.empty());
  CHECK(out.results.items.empty());
  CHECK(out.rules.failure_line() == "edict: 1 error; nothing was evaluated\n");
  std::string rendered = scan::render_diagnostics(out.rules, false);
  CHECK(rendered.find(o.rules[0] + ":3:10: error[E0201]") != std::string::npos);

  o.rules = {(dir.path / "missing.edict").string()};
  scan::ScanOutcome unreadable = scan::run(o);
  CHECK(unreadable.status == scan::Status::Failed);
  CHECK_FALSE(unreadable.rules.read_error.empty());
  CHECK(unreadable.rules.failure_line().rfind("edict: error[E0401]: ", 0) == 0);
}

TEST_CASE("bad inputs fail the scan with the file named, before evaluation") {
  TempDir dir("badinput");
  scan::ScanOptions o = options(dir);
  o.inputs = {dir.write("broken.json", "{\"resource_changes\": [")};
  scan::ScanOutcome out = scan::run(o);
  CHECK(out.status == scan::Status::Failed);
  CHECK(out.error.find("broken.json") != std::string::npos);
  CHECK(out.log == "edict: error: " + out.error + "\n");
  CHECK(out.results.items.empty());
  CHECK(out.report.empty());

  o.inputs = {(dir.path / "absent.json").string()};
  CHECK(scan::run(o).status == scan::Status::Failed);
}

TEST_CASE("an input named twice is read once, with a note") {
  TempDir dir("dupes");
  scan::ScanOptions o = options(dir);
  o.inputs.push_back(o.inputs.front());
  scan::ScanOutcome out = scan::run(o);
  CHECK(out.resources->resources().size() == 2);
  CHECK(out.log.find("note: duplicate input: ") == 0);
}

TEST_CASE("a state file carries open violations from one scan to the next") {
  TempDir dir("state");
  scan::ScanOptions o = options(dir);
  o.state = (dir.path / "state.json").string();
  scan::ScanOutcome first = scan::run(o);
  REQUIRE(first.status == scan::Status::Findings);
  CHECK(first.state_delta.added == 2);
  CHECK(first.state_delta.persisting == 0);
  CHECK(first.epilogue.rfind("state: ", 0) == 0);
  REQUIRE(fs::exists(o.state));
  std::string saved = read(o.state);
  CHECK(saved.find("aws_db_instance.a") != std::string::npos);

  o.now_unix += 3600;
  scan::ScanOutcome second = scan::run(o);
  CHECK(second.state_delta.added == 0);
  CHECK(second.state_delta.persisting == 2);
  CHECK(second.state_delta.resolved == 0);

  // `a` is fixed: both of its violations resolve.
  std::string fixed = kPlan;
  const std::string failing = "\"storage_encrypted\": false, \"multi_az\": false";
  fixed.replace(fixed.find(failing), failing.size(), "\"storage_encrypted\": true, \"multi_az\": true");
  o.inputs = {dir.write("plan.json", fixed)};
  scan::ScanOutcome third = scan::run(o);
  CHECK(third.status == scan::Status::Clean);
  CHECK(third.state_delta.resolved == 2);

  // A state file that is not one stops the scan and is left as it was.
  std::string junk = dir.write("junk-state.json", "[1, 2]");
  o.state = junk;
  scan::ScanOutcome bad = scan::run(o);
  CHECK(bad.status == scan::Status::Failed);
  CHECK(read(junk) == "[1, 2]");
}

TEST_CASE("output requests write report files and a baseline") {
  TempDir dir("outputs");
  scan::ScanOptions o = options(dir);
  std::string json = (dir.path / "report.json").string();
  o.outputs = {"json=" + json};
  scan::ScanOutcome out = scan::run(o);
  CHECK(out.status == scan::Status::Findings);
  CHECK(read(json).find("\"summary\"") != std::string::npos);

  o.outputs = {"xml=out.xml"};
  CHECK(scan::run(o).error.find("unknown report format 'xml'") == 0);

  o.outputs = {"json=" + o.inputs.front()};  // would overwrite the plan
  scan::ScanOutcome clobber = scan::run(o);
  CHECK(clobber.status == scan::Status::Failed);
  CHECK(read(o.inputs.front()) == kPlan);

  o.outputs.clear();
  o.write_baseline = (dir.path / "baseline.json").string();
  scan::ScanOutcome base = scan::run(o);
  CHECK(base.status == scan::Status::Clean);
  CHECK(base.log == "edict: wrote 2 findings to " + o.write_baseline + "\n");
  o.write_baseline.clear();
  o.baseline = (dir.path / "baseline.json").string();
  scan::ScanOutcome baselined = scan::run(o);
  CHECK(baselined.results.summary.baselined == 2);
}

TEST_CASE("changed-since selects only the rules the callback names") {
  TempDir dir("changed");
  scan::ScanOptions o = options(dir);
  o.changed_since = [](std::vector<std::string>&, std::vector<std::string>& ids) {
    ids = {"R_ENC"};
    return 0;
  };
  scan::ScanOutcome out = scan::run(o);
  CHECK(out.results.items.size() == 2);
  for (const engine::Result& r : out.results.items) CHECK(r.rule->id == "R_ENC");
  CHECK(scan::select_changed({"R_AZ", "R_ENC"}, {"R_ENC"}) == std::vector<std::string>{"R_ENC"});
  CHECK(scan::select_changed({}, {"R_AZ"}) == std::vector<std::string>{"R_AZ"});

  o.changed_since = [](std::vector<std::string>&, std::vector<std::string>&) { return 2; };
  CHECK(scan::run(o).status == scan::Status::Failed);
}

TEST_CASE("drift of a plan against itself finds nothing; bad inputs fail") {
  TempDir dir("drift");
  scan::DriftOptions d;
  d.rules = {dir.write("rules.edict", kRules)};
  d.plan = {dir.write("plan.json", kPlan)};
  d.live = d.plan;
  scan::ScanOutcome same = scan::drift(d);
  CHECK(same.status == scan::Status::Clean);
  d.live = {dir.write("broken.json", "{")};
  scan::ScanOutcome bad = scan::drift(d);
  CHECK(bad.status == scan::Status::Failed);
  CHECK(bad.error.find("broken.json") != std::string::npos);
}

TEST_CASE("explain gives the traced explanation; an unknown rule or address fails with a suggestion") {
  TempDir dir("explain");
  scan::ExplainOptions x;
  x.rules = {dir.write("rules.edict", kRules)};
  x.inputs = {dir.write("plan.json", kPlan)};
  x.rule = "R_ENC";
  x.address = "aws_db_instance.a";
  scan::ScanOutcome fails = scan::explain(x);
  CHECK(fails.status == scan::Status::Findings);
  CHECK(fails.report.find("status    fail") != std::string::npos);
  CHECK(fails.report.find("storage_encrypted == true => false") != std::string::npos);
  x.address = "aws_db_instance.b";
  CHECK(scan::explain(x).status == scan::Status::Clean);
  x.address = "aws_db_instance.c";
  scan::ScanOutcome no_resource = scan::explain(x);
  CHECK(no_resource.status == scan::Status::Failed);
  CHECK(no_resource.error == "no resource 'aws_db_instance.c' in the input (did you mean 'aws_db_instance.a'?)");
  x.address = "aws_db_instance.a";
  x.rule = "R_EN";
  scan::ScanOutcome no_rule = scan::explain(x);
  CHECK(no_rule.status == scan::Status::Failed);
  CHECK(no_rule.error == "unknown rule id 'R_EN' (did you mean 'R_ENC'?)");
  CHECK(no_rule.log.find("edict: error: unknown rule id") != std::string::npos);
}

TEST_CASE("config_rule judges the event's item with the rule parameters as a resource") {
  const std::string live = std::string(EDICT_SOURCE_DIR) + "/tests/spec/live/inputs/";
  scan::ConfigRuleOptions c;
  c.rules = {live + "params.edict"};
  c.event = live + "rule_event_params.json";
  scan::ScanOutcome out = scan::config_rule(c);
  REQUIRE(out.status == scan::Status::Clean);
  CHECK(out.report.find("\"ComplianceType\": \"NON_COMPLIANT\"") != std::string::npos);
  const model::Resource* params = out.resources->by_address("ruleParameters");
  REQUIRE(params != nullptr);
  CHECK_FALSE(params->checked);
  CHECK(out.results.items.size() == 1);  // the volume only: the parameters are never checked

  c.rule_ids = {"NO_SUCH_RULE"};
  CHECK(scan::config_rule(c).status == scan::Status::Failed);

  model::ResourceSet set;
  std::string error;
  CHECK_FALSE(scan::add_rule_parameters(set, "{\"volumeType\": ", error));
  CHECK_FALSE(error.empty());
}
