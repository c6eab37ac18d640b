// read_input, format detection and the errors of load_file / load_text.
#include <catch2/catch.hpp>

#include "tests/loaders/test_util.h"

namespace edict::loaders {
namespace {

using test::TempDir;

constexpr std::string_view kTinyPlan =
    R"({"format_version":"1.2","resource_changes":[{"address":"aws_s3_bucket.b","mode":"managed",)"
    R"("type":"aws_s3_bucket","name":"b","change":{"actions":["create"],"after":{"bucket":"x"},"after_unknown":{}}}]})";

std::string load_error(std::string_view text, const std::string& name = "plan.json") {
  model::ResourceSet set;
  try {
    load_text(set, text, name);
  } catch (const InputError& e) {
    return e.what();
  }
  FAIL("no InputError for " << text);
  return {};
}

std::string utf16(std::string_view ascii, bool little_endian) {
  std::string out = little_endian ? "\xFF\xFE" : "\xFE\xFF";
  for (char c : ascii) {
    if (little_endian) {
      out += c;
      out += '\0';
    } else {
      out += '\0';
      out += c;
    }
  }
  return out;
}

TEST_CASE("read_input drops a UTF-8 BOM and converts UTF-16", "[loader]") {
  TempDir dir;
  CHECK(read_input(dir.write("bom.json", "\xEF\xBB\xBF{}")) == "{}");
  CHECK(read_input(dir.write("le.json", utf16("{\"a\":1}", true))) == "{\"a\":1}");
  CHECK(read_input(dir.write("be.json", utf16("[2]", false))) == "[2]");
  // U+00E9 and U+1F600 (a surrogate pair) in UTF-16LE.
  CHECK(read_input(dir.write("astral.json", std::string("\xFF\xFE\xE9\x00\x3D\xD8\x00\xDE", 8))) ==
        "\xC3\xA9\xF0\x9F\x98\x80");
  CHECK_THROWS_WITH(read_input(dir.write("odd.json", std::string("\xFF\xFE\x41", 3))),
                    Catch::Contains("odd.json: invalid UTF-16: odd number of bytes"));
  CHECK_THROWS_WITH(read_input(dir.write("lone.json", std::string("\xFF\xFE\x00\xDC", 4))),
                    Catch::Contains("lone.json: invalid UTF-16: unpaired surrogate"));
}

TEST_CASE("unreadable inputs name the path", "[loader]") {
  TempDir dir;
  std::string missing = dir.path("missing.json");
  CHECK_THROWS_WITH(read_input(missing), missing + ": cannot open: No such file or directory");
  model::ResourceSet set;
  CHECK_THROWS_WITH(load_file(set, missing), missing + ": cannot open: No such file or directory");
  CHECK_THROWS_WITH(load_file(set, dir.path("")), Catch::Contains("cannot read: Is a directory"));
  std::string empty = dir.write("empty.json", "");
  CHECK_THROWS_WITH(load_file(set, empty), empty + ": empty input");
  CHECK_THROWS_WITH(load_file(set, dir.write("blank.json", " \n\t")), Catch::EndsWith("blank.json: empty input"));
  CHECK_THROWS_WITH(load_file(set, dir.write("bom_only.json", "\xEF\xBB\xBF")), Catch::EndsWith(": empty input"));
  CHECK(set.resources().empty());
  CHECK(set.files().empty());
}

TEST_CASE("malformed JSON reports file:line:column", "[loader]") {
  CHECK(load_error("{\n  \"format_version\": \"1.2\",\n  \"resource_changes\": [,]\n}") ==
        "plan.json:3:24: expected a value, found ','");
  std::string truncated(kTinyPlan.substr(0, 80));
  CHECK(load_error(truncated) ==
        "plan.json:1:81: unexpected end of input: the object opened at line 1, column 45 is not closed");
  std::string deep = std::string(200000, '[') + std::string(200000, ']');
  CHECK(load_error(deep, "deep.json") == "deep.json:1:1025: nesting is deeper than 1024 levels");
}

TEST_CASE("documents that are not plans or states are refused", "[loader]") {
  const std::string expected =
      "x.json: not an input edict reads (no resource_changes, planned_values or values.root_module): expected a "
      "Terraform plan (terraform show -json PLAN), a Terraform state (terraform show -json), an AWS Config "
      "snapshot, history or item (configurationItems, configurationItem), or Cloud Custodian resources.json";
  CHECK(load_error("[]", "x.json") == expected);
  CHECK(load_error("[{\"resource_changes\":[]}]", "x.json") == expected);
  // An empty AWS Config history or snapshot file is a live snapshot with no resources.
  {
    model::ResourceSet set;
    CHECK(load_text(set, "{\"configurationItems\":[]}", "x.json") == Format::Config);
  }
  CHECK(load_error("\"plan\"", "x.json") == expected);
  CHECK(load_error("{\"values\":{}}", "x.json") == expected);
}

TEST_CASE("format_version: 0.x and 1.x are read, other majors refused", "[loader]") {
  for (const char* v : {"0.1", "0.2", "1.0", "1.2", "1.99"}) {
    model::ResourceSet set;
    std::string text(kTinyPlan);
    text.replace(text.find("1.2"), 3, v);
    CHECK(load_text(set, text, "p.json") == Format::Plan);
    CHECK(set.resources().size() == 1);
  }
  std::string v2(kTinyPlan);
  v2.replace(v2.find("1.2"), 3, "2.0");
  CHECK(load_error(v2) == "plan.json: unsupported plan format_version \"2.0\" (edict reads 0.x and 1.x)");
  CHECK(load_error(R"({"format_version":"10.1","values":{"root_module":{}}})", "s.json") ==
        "s.json: unsupported state format_version \"10.1\" (edict reads 0.x and 1.x)");
  CHECK(load_error(R"({"format_version":2,"planned_values":{}})") ==
        "plan.json: unsupported plan format_version 2 (edict reads 0.x and 1.x)");
}

TEST_CASE("format detection, BOMs and stdin naming", "[loader]") {
  model::ResourceSet set;
  CHECK(load_text(set, std::string("\xEF\xBB\xBF") + std::string(kTinyPlan), "bom.json") == Format::Plan);
  CHECK(load_text(set, R"({"format_version":"1.0","terraform_version":"1.5.7"})", "empty-state.json") == Format::State);
  CHECK(load_text(set, R"({"format_version":"1.0","values":{"root_module":{}}})", "s.json") == Format::State);
  CHECK(load_text(set, R"({"planned_values":{"root_module":{}},"unknown_future_key":[1]})", "p.json") == Format::Plan);
  CHECK(set.files() == std::vector<std::string>{"bom.json", "empty-state.json", "s.json", "p.json"});
  CHECK(set.resources().size() == 1);
  CHECK(set.resources()[0].file == 0);
  CHECK(format_name(Format::Plan) == "terraform-plan");
  CHECK(format_name(Format::State) == "terraform-state");

  TempDir dir;
  std::string le = dir.write("le.json", utf16(kTinyPlan, true));
  model::ResourceSet from_file;
  CHECK(load_file(from_file, le) == Format::Plan);
  CHECK(from_file.resources().size() == 1);
  CHECK(from_file.files()[0] == le);
}

TEST_CASE("a plan with an integer beyond 64 bits still loads", "[loader]") {
  std::string text(kTinyPlan);
  text.replace(text.find("\"x\""), 3, "123456789012345678901234567890");
  model::ResourceSet set;
  CHECK(load_text(set, text, "big.json") == Format::Plan);
  CHECK(set.resources()[0].attrs.find("bucket")->as_number() == 123456789012345678901234567890.0);
}

TEST_CASE("UTF-16 without a BOM gets a hint", "[loader]") {
  std::string text;
  for (char c : std::string_view("{\"a\":1}")) {
    text += c;
    text += '\0';
  }
  CHECK_THROWS_WITH(load_text(*std::make_unique<model::ResourceSet>(), text, "u.json"),
                    Catch::EndsWith("(UTF-16 without a byte order mark?)"));
}

}  // namespace
TEST_CASE("a key given twice is an error at the second one, at every level", "[loader]") {
  CHECK(load_error(R"({"format_version": "1.2", "format_version": "1.2", "resource_changes": []})", "x.json") ==
        "x.json:1:27: duplicate key \"format_version\" (first given at line 1, column 2)");
  CHECK(load_error(R"({"format_version": "1.2", "resource_changes": [{"address": "a.b", "type": "a", "name": "b",
 "change": {"actions": ["create"], "after": {"tags": {"k": 1, "k": 2}}}}]})",
                   "x.json") == "x.json:2:63: duplicate key \"k\" (first given at line 2, column 55)");
  CHECK(load_error(R"({"configurationItems": [{"resourceType": "AWS::EC2::Volume", "resourceId": "v", "resourceId": "w"}]})",
                   "x.json") == "x.json:1:81: duplicate key \"resourceId\" (first given at line 1, column 62)");
}

TEST_CASE("an input past the size limit is refused, however it is read", "[loader]") {
  uint64_t saved = max_input_size();
  set_max_input_size(8);
  CHECK_THROWS_WITH(read_input("/dev/zero"),
                    "/dev/zero: input is larger than the limit of 8 bytes (raise it with --max-input-size)");
  set_max_input_size(saved);
  uint64_t n = 0;
  CHECK(parse_size("2G", n));
  CHECK(n == (uint64_t{2} << 30));
  CHECK(parse_size("512KiB", n));
  CHECK(n == 512 * 1024);
  CHECK_FALSE(parse_size("0", n));
  CHECK_FALSE(parse_size("12X", n));
  CHECK_FALSE(parse_size("99999999999999999999G", n));
}

}  // namespace edict::loaders
