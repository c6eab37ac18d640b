// `edict`'s side of the history commands: they run in the `edict-history` binary, which alone
// links libgit2 and SQLite, so that `edict evaluate` never loads them (docs/performance.md).
#pragma once

#include <string>

namespace edict::cli {

// Replaces this process with `edict-history` given the same arguments (`edict stream ...`,
// `edict diff ...`). Returns only on failure, with exit code 2 after saying why.
int run_history(int argc, char** argv);

// Where `edict-history` is: beside this binary (a build tree), or in the libexec directory of the
// installation prefix. Empty when it is in neither; `looked` lists the places tried.
std::string history_helper(std::string& looked);

}  // namespace edict::cli
