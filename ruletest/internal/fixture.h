// Test fixtures into a model::ResourceSet: fixture files through the loaders, inline resources
// built directly (type, name, module and index from the address; `!ref` as a reference edge).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/resource.h"
#include "ruletest/ruletest.h"

namespace edict::ruletest::internal {

// The parts of a Terraform resource instance address, as written.
struct Address {
  std::string module_path;  // module.a["x"].module.b ("" in the root module)
  bool data = false;
  std::string type, name;
  std::string index;  // 0 or "a" with its quotes; empty when there is none
};

// Parses `module.a["x"].data.aws_iam_policy_document.p[0]`; false when it is not an address.
bool parse_address(std::string_view text, Address& out);

// "path:line:col: message" (or "path: message" without a position).
std::string at(const std::string& path, const Pos& pos, const std::string& message);

// Adds the test's fixture files, then its inline resources, to `set` and calls set.finish().
// Each problem (unreadable fixture, duplicate address, `!ref` to a missing resource) is appended
// to `errors`; returns whether there were none.
bool build_fixture(const TestFile& file, const TestCase& test, model::ResourceSet& set,
                   std::vector<std::string>& errors);

}  // namespace edict::ruletest::internal
