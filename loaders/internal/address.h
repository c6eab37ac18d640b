// Terraform address and reference text: `module.a["x"].aws_s3_bucket.b[0]`, `var.v`,
// `module.m.out`. Parsing is purely textual (FORMATS A.7); used by the Terraform loaders.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace edict::loaders::internal {

// One step of a traversal: a name and, if present, the text inside its first `[...]`
// (`0` or `"a"` with the quotes, exactly as written).
struct Step {
  std::string_view name;
  std::string_view key;
  bool has_key = false;
};

// Splits `a.b["k"].c[0]` into steps. Extra brackets after the first (`x[0][1]`) are skipped.
// Returns false when the text is not a traversal (bad brackets, empty names).
bool split_traversal(std::string_view text, std::vector<Step>& steps);

// As above without allocating: stores at most `max` steps and returns how many there are in all
// (0 when the text is not a traversal).
size_t split_traversal(std::string_view text, Step* steps, size_t max);

// A resource instance address: `module.a["x"].module.b.data.aws_iam_policy_document.p[0]`.
struct Address {
  std::vector<Step> modules;  // the call names with their instance keys
  bool data = false;
  std::string_view type;
  std::string_view name;
  std::string_view index;  // as written, without brackets; empty when the resource has none
  bool has_index = false;
};

bool parse_address(std::string_view text, Address& out);

// The configuration key of an instance: its address with every instance key removed
// (`module.a.module.b.data.aws_iam_policy_document.p`), written into `out` (its buffer is reused).
void config_key(const Address& a, std::string& out);

}  // namespace edict::loaders::internal
