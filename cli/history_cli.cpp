// The history subcommands' options and help, defined once for both binaries (cli/history_cli.h),
// and --max-input-size, which both binaries take.
#include "cli/history_cli.h"

#include <iostream>

#include "loaders/loader.h"

namespace edict::cli {

HistoryCommands add_history_commands(CLI::App& app, StreamArgs& sa, DiffArgs& dfa, std::string& max_input) {
  HistoryCommands out;
  CLI::App* stream = app.add_subcommand("stream", "Rule changes commit by commit over a git repository's history");
  stream->add_option("--repo", sa.repo, "The repository (its work tree root or .git directory; default: .)");
  stream->add_option("--since", sa.since, "Only commits after REV (not reachable from it)");
  stream->add_option("--format", sa.format, "Output format")->check(CLI::IsMember({"text", "json", "jsonl"}));
  stream->add_option("--db", sa.db, "Also record events in this SQLite database; resumes where the last run stopped");
  stream->add_option("--path", sa.paths, "Only rule files below this repository path (repeatable)")->allow_extra_args(false);
  stream->footer("Exit codes: 0 done, 2 could not (not a repository, a bad database or usage).");

  CLI::App* diff = app.add_subcommand("diff", "Rules added, removed, modified and moved between two git revisions");
  diff->add_option("--repo", dfa.repo, "The repository (its work tree root or .git directory; default: .)");
  diff->add_option("SOURCE", dfa.source, "Old revision (default: HEAD~1 on the default branch, else the merge base with it)");
  diff->add_option("TARGET", dfa.target, "New revision (default: HEAD)");
  diff->add_option("--format", dfa.format, "Output format (policies: the added, modified and moved Custodian policies as YAML)")
      ->check(CLI::IsMember({"text", "json", "policies"}));
  diff->add_option("--default-branch", dfa.default_branch,
                   "The branch the default range compares with (default: detected from origin/HEAD, init.defaultBranch, main, master)");
  diff->add_option("--impact", dfa.impact, "Evaluate old and new versions of changed rules on these inputs; list verdicts that change");
  diff->add_option("--path", dfa.paths, "Only rule files below this repository path (repeatable)")->allow_extra_args(false);
  diff->add_option("--max-input-size", max_input,
                   "Largest file read, in bytes or with K, M or G (default 2G); larger inputs are an error");
  diff->footer("Exit codes: 0 done, 2 could not (not a repository, an unknown revision, bad input or usage).");
  out.stream = stream;
  out.diff = diff;
  return out;
}

bool apply_max_input_size(const std::string& max_input) {
  if (max_input.empty()) return true;
  uint64_t bytes = 0;
  if (!loaders::parse_size(max_input, bytes)) {
    std::cerr << "edict: error: --max-input-size takes a positive size such as 1048576, 512K, 100M or 2G, got '"
              << max_input << "'\n";
    return false;
  }
  loaders::set_max_input_size(bytes);
  return true;
}

}  // namespace edict::cli
