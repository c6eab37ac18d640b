// The shipped rule library (rules/*.edict), embedded at build time by cmake/embed_files.cmake.
#pragma once

#include <string_view>
#include <vector>

namespace edict::rules {

struct EmbeddedRuleFile {
  std::string_view path;  // "rules/aws_rds.edict"
  std::string_view text;
};

const std::vector<EmbeddedRuleFile>& embedded_rule_files();

}  // namespace edict::rules
