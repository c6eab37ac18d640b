// The definition of the history subcommands (`stream`, `diff`), shared by `edict`, whose --help,
// man pages and completions describe them, and `edict-history`, which runs them.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "cli/history_commands.h"

namespace edict::cli {

struct HistoryCommands {
  CLI::App* stream = nullptr;
  CLI::App* diff = nullptr;
};

// Adds `stream` and `diff` to `app`, their options writing into `sa` and `dfa`; `diff` also takes
// --max-input-size into `max_input`.
HistoryCommands add_history_commands(CLI::App& app, StreamArgs& sa, DiffArgs& dfa, std::string& max_input);

// Applies --max-input-size (both binaries take it); false after saying why when it is malformed.
bool apply_max_input_size(const std::string& max_input);

}  // namespace edict::cli
