// Tests for c7n/frontend.cpp on hostile policy text: scalars and names far longer than any real
// policy holds are compiled or refused with a located error, never a crash.
#include <catch2/catch.hpp>
#include <memory>
#include <string>

#include "c7n/frontend.h"

using namespace edict;

namespace {

// Builds the module of one policy file; true when it has no errors.
bool builds(const std::string& text, std::string& errors) {
  lang::SourceManager sources;
  lang::DiagnosticSink sink;
  uint32_t file = sources.add("p.yml", text);
  lang::Module m = c7n::build_module(sources, file, sink);
  errors.clear();
  for (const lang::Diagnostic& d : sink.sorted()) errors += lang::render(d, sources);
  return !sink.has_errors();
}

std::string policy(const std::string& name, const std::string& value) {
  return "policies:\n  - name: " + name + "\n    resource: aws.ebs\n    filters:\n      - type: value\n"
         "        key: Size\n        value: " + value + "\n";
}

}  // namespace

TEST_CASE("a scalar of a million digits is a value, not a crash") {
  std::string errors;
  for (const std::string& digits : {std::string(1000000, '1'), "0x" + std::string(1000000, 'f'),
                                    "0" + std::string(1000000, '7'), std::string(500000, '1') + "." + std::string(500000, '2')}) {
    CHECK(builds(policy("big", digits), errors));
    INFO(errors);
  }
}

TEST_CASE("a policy name of a million characters is checked without a crash") {
  std::string errors;
  CHECK(builds(policy(std::string(1000000, 'a'), "8"), errors));
  CHECK_FALSE(builds(policy(std::string(1000000, 'a') + "!", "8"), errors));
  CHECK(errors.find("may hold only letters, digits") != std::string::npos);
}

TEST_CASE("a key of a hundred thousand fields is refused, not a crash") {
  std::string errors;
  std::string key;
  for (int i = 0; i < 100000; ++i) key += "a.";
  std::string text = "policies:\n  - name: deep\n    resource: aws.ebs\n    filters:\n      - type: value\n"
                     "        key: \"" + key + "a\"\n        value: 1\n";
  CHECK_FALSE(builds(text, errors));
  CHECK(errors.find("longer than 1024 characters") != std::string::npos);
}
