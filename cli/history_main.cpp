// edict-history: the rule-history commands (`stream`, `diff`) and the --changed-since selection,
// in their own binary so that only they load libgit2 and SQLite. `edict` execs it with its own
// arguments (cli/history_client.cpp); run by hand it behaves as `edict stream|diff`.
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/history_cli.h"
#include "cli/history_commands.h"

int main(int argc, char** argv) {
  using namespace edict::cli;
  CLI::App app{"edict: compliance as code for Terraform plans and live AWS snapshots", "edict"};
  app.require_subcommand(1, 1);
  StreamArgs sa;
  DiffArgs dfa;
  std::string max_input;
  const HistoryCommands history = add_history_commands(app, sa, dfa, max_input);

  // For `edict evaluate --changed-since`: answers on stdout as NUL-terminated records, the rule
  // paths read ("P") then the ids of the changed rules ("I").
  std::string rev;
  std::vector<std::string> rule_paths;
  CLI::App* changed = app.add_subcommand("__changed-since", "Rules changed since REV (for edict evaluate)")->group("");
  changed->add_option("REV", rev)->required();
  changed->add_option("PATH", rule_paths);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  }
  if (!apply_max_input_size(max_input)) return 2;
  if (*history.stream) return run_stream(sa);
  if (*history.diff) return run_diff(dfa);
  std::vector<std::string> ids;
  if (int rc = changed_rules_since(rev, rule_paths, ids); rc != 0) return rc;
  for (const std::string& p : rule_paths) std::cout << 'P' << p << '\0';
  for (const std::string& id : ids) std::cout << 'I' << id << '\0';
  std::cout.flush();
  return std::cout ? 0 : 2;
}
