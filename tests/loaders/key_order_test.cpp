// The forward-only (On-Demand) reader: any key order gives the same resources, skipped sections
// stay skipped, and errors keep their precedence and positions.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>

#include "tests/loaders/test_util.h"

namespace edict::loaders {
namespace {

using model::Action;
using test::attr;
using test::resource;

// Everything a load produced, as text: resources (address, action, checked, attributes), edges.
std::string summary(const std::string& text) {
  model::ResourceSet set;
  load_text(set, text, "p.json");
  set.finish();
  std::string out;
  for (const model::Resource& r : set.resources()) {
    out += std::string(r.address) + " " + std::string(model::action_name(r.action)) + (r.checked ? "" : " unchecked") +
           " [" + std::string(r.source) + " " + std::string(r.module_path) + " " + std::string(r.index) + "] " +
           to_display(r.attrs, 1000) + "\n";
  }
  for (const model::Edge& e : set.edges()) {
    out += "edge " + std::string(set.resources()[e.from].address) + " ." + std::string(symbol_name(e.path)) + " -> " +
           std::string(set.resources()[e.to].address) + "\n";
  }
  return out;
}

std::string load_error(const std::string& text) {
  model::ResourceSet set;
  try {
    load_text(set, text, "p.json");
  } catch (const InputError& e) {
    CHECK(set.files().empty());
    CHECK(set.resources().empty());
    return e.what();
  }
  FAIL("no InputError for " << text);
  return {};
}

const std::string kConfig =
    R"("configuration":{"root_module":{"resources":[{"address":"aws_s3_bucket_public_access_block.p","mode":"managed",)"
    R"("expressions":{"bucket":{"references":["aws_s3_bucket.b.id","aws_s3_bucket.b"]},)"
    R"("block_public_acls":{"constant_value":true}}}]}})";
const std::string kPrior =
    R"("prior_state":{"values":{"root_module":{"resources":[)"
    R"({"address":"data.aws_caller_identity.me","mode":"data","type":"aws_caller_identity","name":"me",)"
    R"("values":{"account_id":"123"}},)"
    R"({"values":{"ami":"x"},"address":"aws_instance.old","mode":"managed","type":"aws_instance","name":"old"}]}}})";

TEST_CASE("key order does not change what a plan loads", "[plan][order]") {
  const std::string usual =
      R"({"format_version":"1.2","resource_changes":[)"
      R"({"address":"aws_s3_bucket.b","mode":"managed","type":"aws_s3_bucket","name":"b",)"
      R"("change":{"actions":["create"],"before":null,"after":{"bucket":"x","tags":{"a":"b"}},)"
      R"("after_unknown":{"id":true,"tags":{"c":true}},"after_sensitive":{}}},)"
      R"({"address":"aws_s3_bucket_public_access_block.p","mode":"managed","type":"aws_s3_bucket_public_access_block",)"
      R"("name":"p","change":{"actions":["create"],"before":null,"after":{"block_public_acls":true},)"
      R"("after_unknown":{"bucket":true}}},)"
      R"({"address":"aws_instance.gone","mode":"managed","type":"aws_instance","name":"gone",)"
      R"("change":{"actions":["delete"],"before":{"ami":"ami-1"},"after":null}}],)" +
      kPrior + "," + kConfig + "}";
  // The same document with every object's keys in another order.
  const std::string shuffled =
      "{" + kConfig + "," + kPrior +
      R"(,"resource_changes":[)"
      R"({"change":{"after_sensitive":{},"after_unknown":{"tags":{"c":true},"id":true},)"
      R"("after":{"bucket":"x","tags":{"a":"b"}},"before":null,"actions":["create"]},)"
      R"("name":"b","type":"aws_s3_bucket","mode":"managed","address":"aws_s3_bucket.b"},)"
      R"({"change":{"after_unknown":{"bucket":true},"after":{"block_public_acls":true},"actions":["create"]},)"
      R"("address":"aws_s3_bucket_public_access_block.p","mode":"managed","type":"aws_s3_bucket_public_access_block",)"
      R"("name":"p"},)"
      R"({"change":{"after":null,"before":{"ami":"ami-1"},"actions":["delete"]},)"
      R"("name":"gone","type":"aws_instance","mode":"managed","address":"aws_instance.gone"}],)"
      R"("format_version":"1.2"})";
  std::string expected = summary(usual);
  CHECK(summary(shuffled) == expected);
  CHECK(expected.find("aws_instance.gone delete unchecked [plan  ] {\"ami\": \"ami-1\"}") != std::string::npos);
  CHECK(expected.find("data.aws_caller_identity.me") != std::string::npos);
  CHECK(expected.find("aws_instance.old") == std::string::npos);  // prior managed resources are not read
  CHECK(expected.find("edge aws_s3_bucket_public_access_block.p .bucket -> aws_s3_bucket.b") != std::string::npos);
  // The unknown key (id) after the known ones; `tags` merged in place.
  CHECK(expected.find(R"({"bucket": "x", "tags": {"a": "b", "c": unknown}, "id": unknown})") != std::string::npos);
}

TEST_CASE("a deposed object read before its `deposed` key is known", "[plan][order]") {
  model::ResourceSet set;
  load_text(set,
            R"({"resource_changes":[{"address":"aws_instance.a","change":{"actions":["delete"],"after":null,)"
            R"("before":{"ami":"old"}},"deposed":"abc"},{"address":"aws_instance.a","change":{)"
            R"("before":{"ami":"x"},"actions":["no-op"],"after":null},"deposed":"def"}]})",
            "d.json");
  set.finish();
  REQUIRE(set.resources().size() == 2);
  CHECK(attr(set.resources()[0], "ami")->as_string() == "old");
  CHECK(attr(set.resources()[1], "ami")->as_string() == "x");  // deposed without after: before
  CHECK_FALSE(set.resources()[1].checked);
}

TEST_CASE("values representations in any order", "[plan][state][order]") {
  // Child modules before resources: each module's resources still come first.
  std::string planned = R"({"planned_values":{"root_module":{"child_modules":[{"resources":[{"values":{"n":2},)"
                        R"("address":"module.m.aws_sqs_queue.q","mode":"managed"}],"address":"module.m"}],)"
                        R"("resources":[{"address":"aws_sqs_queue.a","values":{"n":1}}]}},"format_version":"1.0"})";
  CHECK(summary(planned) ==
        "aws_sqs_queue.a none [plan  ] {\"n\": 1}\n"
        "module.m.aws_sqs_queue.q none [plan module.m ] {\"n\": 2}\n");
  // A data source whose values come before its mode.
  std::string prior = R"({"resource_changes":[],"prior_state":{"values":{"root_module":{"resources":[)"
                      R"({"values":{"id":"1"},"address":"data.aws_region.r","mode":"data"}]}}}})";
  CHECK(summary(prior) == "data.aws_region.r no-op unchecked [plan  ] {\"id\": \"1\"}\n");
  // `values` met first reads as a state, unless a plan key follows.
  std::string state = R"({"values":{"root_module":{"resources":[{"address":"aws_sqs_queue.s","values":{}}]}}})";
  CHECK(summary(state) == "aws_sqs_queue.s no-op [state  ] {}\n");
  std::string both = R"({"values":{"root_module":{"resources":[{"address":"aws_sqs_queue.s","values":{}}]}},)"
                     R"("resource_changes":[]})";
  CHECK(summary(both).empty());
}

TEST_CASE("strings, keys and numbers as the DOM read them", "[plan]") {
  model::ResourceSet set;
  load_text(set,
            R"({"resource_changes":[{"address":"aws_s3_bucket.b","change":{"actions":["create"],"after":{)"
            R"("bu\u0063ket":"a\"b\\c","plain":"caf\u00e9","z":-0,"f":1.5e3,"u":18446744073709551615,)"
            R"("big":123456789012345678901234567890,"l":[true,false,null,[]],"e":""}}}],)"
            R"("variables":{"n":{"value":99999999999999999999999999}}})",
            "s.json");
  const model::Resource& r = set.resources().at(0);
  CHECK(attr(r, "bucket")->as_string() == "a\"b\\c");
  CHECK(attr(r, "plain")->as_string() == "caf\xC3\xA9");
  CHECK(attr(r, "z")->as_number() == 0);
  CHECK_FALSE(std::signbit(attr(r, "z")->as_number()));
  CHECK(attr(r, "f")->as_number() == 1500);
  CHECK(attr(r, "u")->as_number() == 18446744073709551615.0);
  CHECK(attr(r, "big")->as_number() == 123456789012345678901234567890.0);
  CHECK(to_display(*attr(r, "l")) == "[true, false, null, []]");
  CHECK(attr(r, "e")->as_string().empty());
}

TEST_CASE("errors keep their precedence and positions", "[plan][errors]") {
  // Malformed JSON anywhere wins over an error in the content.
  CHECK(load_error(R"({"resource_changes":[1],"x":[tru]})") ==
        "p.json:1:30: invalid literal (expected true, false or null)");
  CHECK(load_error(R"({"resource_changes":[]} {})") == "p.json:1:25: unexpected '{' after the JSON value");
  // Nesting inside an attribute value.
  std::string deep = R"({"resource_changes":[{"address":"a.b","change":{"actions":["create"],"after":)" +
                     std::string(1100, '[') + std::string(1100, ']') + "}}]}";
  CHECK(load_error(deep) == "p.json:1:1098: nesting is deeper than 1024 levels");
  // A bad version after the resources: nothing is added to the set (load_error checks).
  CHECK(load_error(R"({"resource_changes":[{"address":"a.b","change":{"actions":[]}}],"format_version":"3.0"})") ==
        "p.json: unsupported plan format_version \"3.0\" (edict reads 0.x and 1.x)");
  CHECK(load_error(R"({"resource_changes":[{"address":"a.b","change":{"actions":"create"}}]})") ==
        "p.json: resource_changes[0]: change.actions is not an array");
  CHECK(load_error(R"({"resource_changes":[{"address":"a.b","change":{}}]})") ==
        "p.json: resource_changes[0]: missing \"change.actions\"");
  CHECK(load_error(R"({"planned_values":{"root_module":{"resources":[{"values":{}}]}}})") ==
        "p.json: planned_values.root_module.resources[0]: missing \"address\"");
}

// Pages of a large input are given back while it is read: errors found late are still located
// in the whole text (read again), and the text kept for later (planned_values) is still there.
TEST_CASE("errors late in a large input, read from memory and from a file", "[plan][errors][large]") {
  std::string text = R"({"format_version":"1.2","planned_values":{"root_module":{"resources":[)";
  for (int i = 0; i < 20000; ++i) {
    text += (i > 0 ? "," : "") + std::string(R"({"address":"aws_sqs_queue.q)") + std::to_string(i) +
            R"(","values":{"name":"queue-number-)" + std::to_string(i) + R"(","tags":{"Team":"core"}}})" + "\n";
  }
  text += "]}},\n";
  const std::string changes_head = R"("resource_changes":[)";
  std::string entries;
  for (int i = 0; i < 20000; ++i) {
    entries += R"({"address":"aws_sqs_queue.q)" + std::to_string(i) +
               R"(","change":{"actions":["create"],"after":{"name":"queue-number-)" + std::to_string(i) +
               R"(","policy":"{\"Version\":\"2012-10-17\"}"},"after_unknown":{"arn":true}}},)" + "\n";
  }
  REQUIRE(text.size() + entries.size() > (size_t{4} << 20));
  size_t lines = static_cast<size_t>(std::count(text.begin(), text.end(), '\n')) + 20000;

  std::string bad_literal = text + changes_head + entries + R"({"address":"a.b","change":{"after":{"x":tru}}}]})";
  std::string expected = ":" + std::to_string(lines + 1) + ":41: invalid literal (expected true, false or null)";
  CHECK_THAT(load_error(bad_literal), Catch::EndsWith(expected));
  std::string bad_entry = text + changes_head + entries + R"(7]})";
  CHECK(load_error(bad_entry) == "p.json: resource_changes[20000] is not an object");
  test::TempDir dir;
  model::ResourceSet set;
  CHECK_THROWS_WITH(load_file(set, dir.write("late.json", bad_literal)), Catch::EndsWith(expected));
  CHECK(set.resources().empty());

  // Without resource_changes, planned_values (kept while the rest was read) is loaded.
  std::string planned_only = text + R"("configuration":{"root_module":{}}})";
  CHECK(load_file(set, dir.write("pv.json", planned_only)) == Format::Plan);
  REQUIRE(set.resources().size() == 20000);
  CHECK(attr(set.resources()[19999], "name")->as_string() == "queue-number-19999");
  std::string ok = text + changes_head + entries + R"({"address":"a.b","change":{"actions":["no-op"]}}]})";
  model::ResourceSet planned;
  CHECK(load_file(planned, dir.write("ok.json", ok)) == Format::Plan);
  REQUIRE(planned.resources().size() == 20001);
  CHECK(attr(planned.resources()[12345], "policy")->as_string() == "{\"Version\":\"2012-10-17\"}");
  CHECK(attr(planned.resources()[12345], "arn")->is_unknown());
}

}  // namespace
}  // namespace edict::loaders
