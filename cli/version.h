// `edict --version`: the version, the git revision and build type it was built from, and the
// optional execution tiers compiled in (generated/build_info.h, written by cmake/build_info.cmake).
#pragma once

#include <string>

namespace edict::cli {

// Several lines: "edict 0.1.0", "revision: 1a2b3c4d5e6f", "build type: RelWithDebInfo", "JIT: no".
std::string version_text();

}  // namespace edict::cli
