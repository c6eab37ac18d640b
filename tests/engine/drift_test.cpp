// Drift (engine/drift.cpp) on the hand-made live fixtures: the same resources as plan and as
// Config snapshot give no drift; a changed plan gives a changed verdict and one-sided resources.
#include <catch2/catch.hpp>

#include "compiler/compiler.h"
#include "engine/drift.h"
#include "engine/rule_sources.h"
#include "loaders/loader.h"

using namespace edict;

namespace {

const std::string kInputs = std::string(EDICT_SOURCE_DIR) + "/tests/spec/live/inputs/";

struct Run {
  std::unique_ptr<bytecode::Program> program;
  model::ResourceSet plan, live;
  engine::DriftReport report;
  Run(const std::string& plan_file, const std::string& live_file) {
    auto sources = std::make_shared<lang::SourceManager>();
    engine::add_builtin_rules(*sources);
    lang::DiagnosticSink sink;
    program = compiler::compile(sources, sink, {}).program;
    REQUIRE(program);
    loaders::load_file(plan, kInputs + plan_file);
    loaders::load_file(live, kInputs + live_file);
    plan.finish();
    live.finish();
    report = engine::compare(engine::evaluate(*program, plan), engine::evaluate(*program, live));
  }
};

}  // namespace

TEST_CASE("the same resources planned and live give no drift") {
  Run run("plan_same_resources.json", "config_snapshot.json");
  CHECK(run.report.empty());
}

TEST_CASE("a changed plan gives a changed verdict and resources on one side only") {
  Run run("plan_drifted.json", "config_snapshot.json");
  REQUIRE(run.report.changed.size() == 1);
  CHECK(run.report.changed[0].rule == "CUSTOM_RDS_002");
  CHECK(run.report.changed[0].plan_status == engine::Status::Pass);
  CHECK(run.report.changed[0].live_status == engine::Status::Fail);
  REQUIRE(run.report.plan_only.size() == 1);
  CHECK(run.report.plan_only[0]->address == "aws_s3_bucket.new");
  REQUIRE(run.report.live_only.size() == 1);
  CHECK(run.report.live_only[0]->type == "aws_security_group");
}
