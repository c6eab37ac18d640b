// Man pages and shell completions generated from the CLI11 app itself (`edict __generate`), so
// they cannot drift from `--help`: the app tree becomes a CommandDoc, which each renderer reads.
#pragma once

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace edict::cli {

// One option or positional argument as the user sees it.
struct OptionDoc {
  std::vector<std::string> long_names;   // without the dashes: "format"
  std::vector<std::string> short_names;  // "h"
  std::string positional;                // set for positionals: "INPUT"
  std::string description;
  std::string value_name;                // "FORMAT"; empty for flags
  std::vector<std::string> choices;      // from an IsMember check: the only values accepted
  bool repeatable = false;
  bool required = false;
  bool takes_value() const { return !value_name.empty(); }
};

// A command or subcommand: `path` is {"edict"} for the top level, {"edict", "baseline", "create"}.
struct CommandDoc {
  std::vector<std::string> path;
  std::string description;
  std::string footer;
  std::vector<OptionDoc> options;      // named options, in definition order
  std::vector<OptionDoc> positionals;  // in order
  std::vector<CommandDoc> subcommands;
  std::string name() const { return path.back(); }
  std::string joined(char sep) const;  // "edict baseline create" or "edict-baseline-create"
};

// Walks the app tree; hidden subcommands and options (empty group) are left out.
CommandDoc describe(const CLI::App& app);

// A man page (roff, section 1) for `cmd`; `version` goes in the page footer.
std::string render_man(const CommandDoc& cmd, const std::string& version);
// Every command with its man page file name: edict.1, edict-evaluate.1, edict-baseline-create.1.
std::vector<const CommandDoc*> man_pages(const CommandDoc& root);

// Completion scripts for bash (defines `_edict`), zsh (#compdef) and fish (complete -c).
std::string render_bash(const CommandDoc& root);
std::string render_zsh(const CommandDoc& root);
std::string render_fish(const CommandDoc& root);

// `edict __generate man|bash|zsh|fish [--output DIR_OR_FILE]`: exit code 0 or 2.
int run_generate(const CLI::App& app, const std::string& what, const std::string& output);

}  // namespace edict::cli
