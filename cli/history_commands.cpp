// Glue for the rule-history commands, linked into `edict-history` only (cli/history_main.cpp):
// open the repository (and the database), run history/, print events or the diff, and turn
// history and database failures into exit code 2.
#include "cli/history_commands.h"

#include <filesystem>
#include <iostream>
#include <memory>

#include "common/text.h"
#include "engine/evaluate.h"
#include "history/history.h"
#include "history/impact.h"
#include "history/render.h"
#include "history/store.h"
#include "loaders/loader.h"

namespace edict::cli {

namespace {

int fail(const std::string& message) {
  std::cerr << "edict: error: " << message << "\n";
  return 2;
}

// True when HEAD holds no rule file and no policy file (an unborn HEAD holds none either).
bool no_rule_files(const history::Repository& repo, const history::PathFilter& filter) {
  std::string head;
  try {
    head = history::resolve_commit(repo, "HEAD");
  } catch (const history::HistoryError&) {
    return true;
  }
  history::Snapshot snap = history::snapshot_at(repo, head, filter);
  return snap.files.empty() && snap.policy_files.empty();
}

// Two policies of one name are a warning as well as an event: Custodian refuses them.
void warn_duplicate(const history::PolicyChange& c, const std::string& when) {
  if (c.kind != history::PolicyChangeKind::Duplicate) return;
  const c7n::PolicyEntry& e = c.policy.entry();
  std::cerr << "edict: warning[E0503]: " << text::printable(c.policy.file()) << ":" << e.where.line << ":"
            << e.where.col << ": a second policy named '" << text::printable(e.name) << "' " << when
            << " (the first, kept, is at " << text::printable(c.previous.file()) << ":"
            << c.previous.entry().where.line << ")\n";
}

void warn_duplicates(const history::CommitEvents& ev) {
  for (const history::PolicyChange& c : ev.policy_changes) warn_duplicate(c, "in commit " + ev.commit.id.substr(0, 7));
}

}  // namespace

int run_stream(const StreamArgs& args) {
  try {
    history::Repository repo = history::Repository::open(args.repo);
    std::unique_ptr<history::EventStore> store;
    if (!args.db.empty()) store = std::make_unique<history::EventStore>(args.db);
    history::StreamOptions opts;
    opts.since = args.since;
    opts.filter.prefixes = args.paths;
    if (store) opts.skip = [&](const std::string& id) { return store->processed().count(id) != 0; };
    size_t commits = 0, events = 0;
    bool first = true;
    std::string json;  // the JSON document is printed whole, so a failure never leaves half of one
    history::stream(repo, opts, [&](const history::CommitEvents& ev) {
      // With --db a commit is printed only once it is safely recorded.
      if (store && !store->record(ev)) return;
      ++commits;
      events += ev.errors.size() + ev.changes.size() + ev.policy_changes.size();
      warn_duplicates(ev);
      if (args.format == "json") {
        json += history::render_events_json_items(ev, first);
      } else {
        std::cout << (args.format == "jsonl" ? history::render_events_jsonl(ev) : history::render_events_text(ev));
        std::cout.flush();
      }
    });
    if (args.format == "json") {
      std::cout << "{\"version\": " << text::json_string(EDICT_VERSION) << ", \"events\": [" << json
                << (first ? "" : "\n") << "]}\n";
    }
    if (events == 0) {  // say why nothing was printed
      std::string where = args.paths.empty() ? "" : " under the --path given";
      if (no_rule_files(repo, opts.filter)) {
        std::cerr << "edict: the repository has no rule files (*.edict) or Custodian policy files" << where
                  << " at HEAD; nothing to stream\n";
      } else {
        std::cerr << "edict: no rule changes in " << text::plural(commits, "commit", "commits") << "\n";
      }
    }
    if (store) {
      std::cerr << "edict: recorded " << text::plural(commits, "new commit", "new commits") << " with "
                << text::plural(events, "event", "events") << " in " << args.db << "\n";
    }
    return 0;
  } catch (const history::HistoryError& e) {
    return fail(e.what());
  } catch (const history::StoreError& e) {
    return fail(e.what());
  }
}

int run_diff(const DiffArgs& args) {
  if (args.source.empty() && !args.target.empty()) return fail("diff: TARGET needs a SOURCE");
  if (args.format == "policies" && !args.impact.empty()) {
    return fail("diff: --impact compares rule verdicts (policy impact needs the Custodian front end); not with --format policies");
  }
  int64_t now = 0;
  std::string clock_error;
  if (!engine::clock_from_env(now, clock_error)) return fail(clock_error);
  try {
    history::Repository repo = history::Repository::open(args.repo);
    history::PathFilter filter{args.paths};
    history::DiffResult diff = history::diff(repo, args.source, args.target, filter, args.default_branch);
    std::unique_ptr<history::ImpactResult> impact;
    if (!args.impact.empty()) impact = std::make_unique<history::ImpactResult>(history::impact(diff, args.impact, now));
    if (args.format == "policies") {
      std::cout << history::render_diff_policies_yaml(diff);
    } else {
      std::cout << (args.format == "json" ? history::render_diff_json(diff, diff.why, impact.get())
                                          : history::render_diff_text(diff, diff.why, impact.get()));
    }
    for (const history::PolicyChange& c : diff.policy_changes) warn_duplicate(c, "at " + diff.target.spec);
    if (diff.changes.empty() && diff.policy_changes.empty() && diff.errors.empty() && no_rule_files(repo, filter)) {
      std::cerr << "edict: the repository has no rule files (*.edict) or Custodian policy files"
                << (args.paths.empty() ? "" : " under the --path given") << " at HEAD\n";
    }
    return 0;
  } catch (const history::HistoryError& e) {
    return fail(e.what());
  } catch (const loaders::InputError& e) {
    return fail(e.what());
  }
}

int changed_rules_since(const std::string& rev, std::vector<std::string>& rule_paths, std::vector<std::string>& ids) {
  try {
    history::Repository repo = history::Repository::discover(rule_paths.empty() ? "." : rule_paths.front());
    if (rule_paths.empty()) {
      std::string dir = repo.workdir() + "rules";
      std::error_code ec;
      if (!std::filesystem::is_directory(dir, ec)) {
        return fail("--changed-since without --rules reads the repository's rules/ directory, and '" + dir +
                    "' is not one (give --rules)");
      }
      rule_paths.push_back(dir);
    }
    ids = history::changed_since(repo, rev, rule_paths);
  } catch (const history::HistoryError& e) {
    return fail(e.what());
  }
  std::string list;
  for (const std::string& id : ids) list += (list.empty() ? ": " : ", ") + id;
  std::cerr << "edict: " << text::plural(ids.size(), "rule", "rules") << " changed since " << rev << list << "\n";
  return 0;
}

}  // namespace edict::cli
