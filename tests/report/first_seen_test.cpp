// first_seen from the scan state (`evaluate --state`) in the reports that carry it: JSON
// (`first_seen`), SARIF (result property `firstSeen`) and markdown ("first seen DATE").
#include <catch2/catch.hpp>

#include <map>
#include <nlohmann/json.hpp>

#include "report/report.h"
#include "vm/bytecode.h"

using namespace edict;
using nlohmann::json;

namespace {

struct Run {
  bytecode::Rule rule;
  model::ResourceSet set;
  engine::Results results;
  std::map<std::pair<std::string, std::string>, std::string> seen;
  report::RunInfo info;

  Run() {
    rule.id = "R1";
    rule.severity = "high";
    uint32_t file = set.add_file("plan.json");
    for (const char* address : {"aws_s3_bucket.old", "aws_s3_bucket.ok"}) {
      model::Resource r;
      r.address = address;
      r.type = "aws_s3_bucket";
      r.file = file;
      set.add(r);
    }
    set.finish();
    for (const model::Resource& res : set.resources()) {
      engine::Result r;
      r.rule = &rule;
      r.resource = &res;
      r.status = res.address == "aws_s3_bucket.old" ? engine::Status::Fail : engine::Status::Pass;
      results.items.push_back(r);
      if (r.status == engine::Status::Fail) ++results.summary.fail;
      else ++results.summary.pass;
    }
    seen[{"R1", "aws_s3_bucket.old"}] = "2026-01-01T00:00:00Z";
    info.rules = {&rule};
    info.first_seen = &seen;
  }
};

}  // namespace

TEST_CASE("a failure's first_seen is in the JSON, SARIF and markdown reports") {
  Run run;
  json j = json::parse(report::render_json(run.results, run.set, run.info));
  bool found = false;
  for (const json& r : j["results"]) {
    if (r["resource"]["address"] == "aws_s3_bucket.old") {
      CHECK(r["first_seen"] == "2026-01-01T00:00:00Z");
      found = true;
    } else {
      CHECK_FALSE(r.contains("first_seen"));
    }
  }
  CHECK(found);
  json s = json::parse(report::render_sarif(run.results, run.set, run.info));
  CHECK(s["runs"][0]["results"][0]["properties"]["firstSeen"] == "2026-01-01T00:00:00Z");
  CHECK(report::render_markdown(run.results, run.set, run.info).find("(first seen 2026-01-01T00:00:00Z)") !=
        std::string::npos);
}

TEST_CASE("without a state file no report has first_seen") {
  Run run;
  run.info.first_seen = nullptr;
  CHECK(report::render_json(run.results, run.set, run.info).find("first_seen") == std::string::npos);
  CHECK(report::render_sarif(run.results, run.set, run.info).find("firstSeen") == std::string::npos);
}
