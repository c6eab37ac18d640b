// The one-pass loaders (loaders/loader.cpp, internal/document.cpp, aws_config.cpp, custodian.cpp):
// sections that are not read are still validated, and the streamed snapshot readers refuse what
// a whole-document parse refused, with the same located messages.
#include "tests/loaders/test_util.h"

namespace edict::loaders::test {
namespace {

std::string error_of(std::string_view text) {
  model::ResourceSet set;
  try {
    load_text(set, text, "x.json");
  } catch (const InputError& e) {
    return e.what();
  }
  FAIL("no InputError for " << text);
  return {};
}

TEST_CASE("plan sections that are not read are validated as they are passed", "[loader][one-pass]") {
  CHECK(error_of(R"({"format_version":"1.2","planned_values":{"root_module":{"a":1,"a":2}},"resource_changes":[]})") ==
        "x.json:1:64: duplicate key \"a\" (first given at line 1, column 58)");
  CHECK(error_of(R"({"format_version":"1.2","resource_changes":[],"planned_values":{"root_module":{"a":tru}}})") ==
        "x.json:1:84: invalid literal (expected true, false or null)");
  CHECK(error_of(R"({"format_version":"1.2","resource_changes":[],"timestamp":"\q"})") ==
        "x.json:1:60: invalid escape '\\q' in string");
  CHECK(error_of(R"({"format_version":"1.2","resource_changes":[]} x)") == "x.json:1:48: unexpected 'x' after the JSON value");
  CHECK(error_of(R"({"format_version":"1.2","resource_changes":{}})") ==
        "x.json: resource_changes must be an array, found an object");
}

TEST_CASE("planned_values before resource_changes is read only without resource_changes", "[loader][one-pass]") {
  std::string pv = R"("planned_values":{"root_module":{"resources":[{"address":"aws_sqs_queue.q","mode":"managed",)"
                   R"("type":"aws_sqs_queue","name":"q","values":{"name":"from-planned"}}]}})";
  model::ResourceSet only_planned;
  load_text(only_planned, "{\"format_version\":\"1.2\"," + pv + "}", "x.json");
  only_planned.finish();
  REQUIRE(only_planned.resources().size() == 1);
  CHECK(attr(resource(only_planned, "aws_sqs_queue.q"), "name")->as_string() == "from-planned");
  model::ResourceSet both;
  load_text(both, "{\"format_version\":\"1.2\"," + pv + ",\"resource_changes\":[]}", "x.json");
  CHECK(both.resources().empty());
}

TEST_CASE("a streamed Config snapshot refuses malformed items, superseded ones too", "[loader][one-pass]") {
  CHECK(error_of(R"({"configurationItems":[{"resourceType":"AWS::EC2::Volume","resourceId":"v","resourceId":"w"}]})") ==
        "x.json:1:76: duplicate key \"resourceId\" (first given at line 1, column 59)");
  // The first capture is superseded by the second (later) one, and is still checked.
  CHECK(error_of(R"({"configurationItems":[{"resourceType":"AWS::EC2::Volume","resourceId":"v",)"
                 R"("configurationItemCaptureTime":"2020","configuration":{"size":nul}},)"
                 R"({"resourceType":"AWS::EC2::Volume","resourceId":"v","configurationItemCaptureTime":"2021"}]})") ==
        "x.json:1:138: invalid literal (expected true, false or null)");
  CHECK(error_of(R"({"configurationItems":{}})") ==
        "x.json: configurationItems: expected a list of configuration items, found an object");
  CHECK(error_of(R"({"configurationItems":[1]})") ==
        "x.json: configurationItems[0]: expected a configuration item (an object), found a number");
  CHECK(error_of(R"({"configurationItems":[]} [])") == "x.json:1:27: unexpected '[' after the JSON value");
}

TEST_CASE("a streamed Config history keeps each resource's latest capture", "[loader][one-pass]") {
  auto item = [](const char* id, const char* time, const char* size) {
    return std::string(R"({"resourceType":"AWS::EC2::Volume","resourceId":")") + id +
           R"(","configurationItemCaptureTime":")" + time + R"(","configuration":{"volumeId":")" + id +
           R"(","size":)" + size + "}}";
  };
  std::string doc = R"({"fileVersion":"1.0","configurationItems":[)" + item("v1", "2021", "2") + "," +
                    item("v2", "2020", "7") + "," + item("v1", "2020", "1") + "," + item("v1", "2022", "3") + "]}";
  model::ResourceSet set;
  CHECK(load_text(set, doc, "x.json") == Format::Config);
  set.finish();
  REQUIRE(set.resources().size() == 2);
  CHECK(attr(resource(set, "v1"), "size")->as_number() == 3);
  CHECK(attr(resource(set, "v2"), "size")->as_number() == 7);
  // Input order of the kept captures: v2 (item 1) before v1 (item 3).
  CHECK(set.resources()[0].address == "v2");
  REQUIRE(!set.notes.empty());
  CHECK_THAT(set.notes.front().second, Catch::Contains("2 older capture(s)"));
}

TEST_CASE("a streamed Custodian resources.json", "[loader][one-pass]") {
  model::ResourceSet set;
  CHECK(load_text(set, R"([{"VolumeId":"v","Size":1,"Encrypted":false},{"VolumeId":"w","Size":2,"Encrypted":true}])",
                  "x.json") == Format::Custodian);
  set.finish();
  CHECK(set.resources().size() == 2);
  CHECK(error_of(R"([{"VolumeId":"v","Size":1,"Encrypted":false,"Size":2}])") ==
        "x.json:1:45: duplicate key \"Size\" (first given at line 1, column 18)");
  CHECK_THAT(error_of("[1,2]"), Catch::StartsWith("x.json: not an input edict reads"));
}

}  // namespace
}  // namespace edict::loaders::test
