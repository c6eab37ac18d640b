// Gathering rule source: files and directories given by the user (every *.edict below a
// directory, in sorted order) or the rule library embedded in the binary.
#pragma once

#include <string>
#include <vector>

#include "lang/source.h"

namespace edict::engine {

// Adds each path (a .edict file, or a directory searched recursively) to `sources`. Returns false
// and sets `error` ("cannot read 'x': No such file or directory") when a path cannot be read.
bool add_rule_paths(lang::SourceManager& sources, const std::vector<std::string>& paths, std::string& error);

// Adds the shipped rule library (rules/*.edict, embedded at build time).
void add_builtin_rules(lang::SourceManager& sources);

}  // namespace edict::engine
