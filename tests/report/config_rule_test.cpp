// PutEvaluations bodies (report/config_rule.cpp): compliance derived from the verdicts, the
// 256-byte annotation limit cut on a UTF-8 boundary, and events that carry no item.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "loaders/loader.h"
#include "report/config_rule.h"
#include "vm/bytecode.h"

using namespace edict;
using nlohmann::json;

namespace {

const std::string kEvent =
    R"({"invokingEvent": "{\"messageType\":\"ConfigurationItemChangeNotification\",\"configurationItem\":)"
    R"({\"resourceType\":\"AWS::EC2::Volume\",\"resourceId\":\"vol-1\",\"configurationItemCaptureTime\":\"T1\"}}",)"
    R"( "resultToken": "tok"})";

json body(const std::vector<engine::Status>& statuses, const std::string& message = "m") {
  static bytecode::Rule rule;
  rule.id = "R1";
  engine::Results results;
  for (engine::Status s : statuses) {
    engine::Result r;
    r.rule = &rule;
    r.status = s;
    r.message = message;
    results.items.push_back(r);
  }
  auto event = report::parse_config_event(kEvent, "e.json");
  return json::parse(report::render_put_evaluations(results, event));
}

std::string compliance(const std::vector<engine::Status>& statuses) {
  return body(statuses)["Evaluations"][0]["ComplianceType"].get<std::string>();
}

}  // namespace

TEST_CASE("compliance follows the verdicts: a failure wins, then undecided, then a pass") {
  using S = engine::Status;
  CHECK(compliance({S::Pass, S::Fail, S::Unknown}) == "NON_COMPLIANT");
  CHECK(compliance({S::Pass, S::Error}) == "INSUFFICIENT_DATA");
  CHECK(compliance({S::Pass, S::Skip}) == "COMPLIANT");
  CHECK(compliance({S::Skip}) == "NOT_APPLICABLE");
  CHECK(compliance({}) == "NOT_APPLICABLE");
  json b = body({S::Pass});
  CHECK(b["ResultToken"] == "tok");
  CHECK(b["Evaluations"][0]["ComplianceResourceId"] == "vol-1");
  CHECK(b["Evaluations"][0]["ComplianceResourceType"] == "AWS::EC2::Volume");
  CHECK(b["Evaluations"][0]["OrderingTimestamp"] == "T1");
}

TEST_CASE("the annotation stays within 256 bytes and valid UTF-8") {
  std::string message;
  for (int i = 0; i < 200; ++i) message += "\xC3\xA9";  // é: two bytes each
  json b = body({engine::Status::Fail}, message);
  std::string a = b["Evaluations"][0]["Annotation"].get<std::string>();
  CHECK(a.size() <= 256);
  CHECK(a.substr(0, 4) == "R1: ");
  CHECK(a.ends_with("..."));
  CHECK(json::parse(json(a).dump()).get<std::string>() == a);  // dump() throws on invalid UTF-8
}

TEST_CASE("events without an item are refused with a reason") {
  auto error = [](const std::string& text) {
    try {
      report::parse_config_event(text, "e.json");
    } catch (const loaders::InputError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  CHECK(error(R"({"x": 1})") == "e.json: not an AWS Config rule event (no invokingEvent)");
  CHECK(error(R"({"invokingEvent": "{\"messageType\":\"ScheduledNotification\"}"})") ==
        "e.json: the event carries no configurationItem (ScheduledNotification)");
}

TEST_CASE("an oversized-item event is parsed from its summary; the item comes separately") {
  report::ConfigEvent e = report::parse_config_event(
      R"({"invokingEvent": "{\"messageType\":\"OversizedConfigurationItemChangeNotification\",)"
      R"(\"configurationItemSummary\":{\"resourceType\":\"AWS::EC2::Volume\",\"resourceId\":\"vol-1\",)"
      R"(\"configurationItemCaptureTime\":\"2026-01-05T10:00:00Z\"}}", "resultToken": "t"})",
      "e.json");
  CHECK(e.oversized);
  CHECK(e.resource_type == "AWS::EC2::Volume");
  CHECK(e.resource_id == "vol-1");
  CHECK(e.ordering_time == "2026-01-05T10:00:00Z");
}
