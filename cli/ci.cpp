// CI glue for `edict evaluate` and `edict baseline create`: checks the CI options, reads waiver
// and baseline files, applies them after evaluation, writes every requested report and decides
// the exit status through the gate (triage/triage.h).
#include "cli/ci.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "common/files.h"
#include "lang/diagnostics.h"
#include "lang/severity.h"
#include "report/report.h"

namespace edict::cli {

namespace {

bool problem(const std::string& message) {
  std::cerr << "edict: error: " << message << "\n";
  return false;
}

std::string format_list() {
  const auto& names = report::format_names();
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) out += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + names[i];
  return out;
}

bool write_file(const std::string& path, const std::string& text, const std::string& what) {
  std::ofstream out(path, std::ios::binary);
  if (out) {
    out << text;
    out.close();
  }
  if (!out) return problem("cannot write the " + what + " to '" + path + "': " + std::strerror(errno));
  return true;
}

// Expired and orphaned waivers, on stderr: they do not change the exit status, but a waiver
// file that nobody prunes stops meaning anything.
void warn_waivers(const triage::Outcome& t, const bytecode::Program& program) {
  for (size_t i = 0; i < t.expired.size(); ++i) {
    const triage::Waiver& w = *t.expired[i];
    size_t n = t.expired_matches[i];
    std::cerr << "edict: warning: " << w.where() << ": the waiver for " << w.rule << " on " << w.resource
              << " expired on " << w.expires << (w.owner.empty() ? "" : " (owner " + w.owner + ")")
              << "; it no longer applies"
              << (n == 0   ? ""
                  : n == 1 ? " and the finding it covered counts again"
                           : " and the " + std::to_string(n) + " findings it covered count again")
              << "\n";
  }
  std::vector<std::string> ids;
  for (const bytecode::Rule& r : program.rules) ids.push_back(r.id);
  for (const triage::Waiver* w : t.orphaned) {
    std::string hint;
    if (!triage::is_glob(w->rule) && program.find_rule(w->rule) == nullptr) {
      std::string best = lang::did_you_mean(w->rule, ids);
      hint = ": there is no rule '" + w->rule + "'" + (best.empty() ? "" : " (did you mean '" + best + "'?)");
    }
    std::cerr << "edict: warning: " << w->where() << ": the waiver for " << w->rule << " on " << w->resource
              << " matched no failing or unknown result (orphaned)" << hint << "\n";
  }
}

// Every file the run reads: inputs, rule files (directories expanded), waivers, baseline, state.
std::vector<std::string> files_read(const EvaluateArgs& args, const std::string& waivers) {
  std::vector<std::string> out = args.inputs;
  for (const std::string& r : args.rules) {
    std::error_code ec;
    if (!std::filesystem::is_directory(r, ec)) {
      out.push_back(r);
      continue;
    }
    for (std::filesystem::recursive_directory_iterator it(r, ec), end; it != end && !ec; it.increment(ec)) {
      if (it->is_regular_file(ec)) out.push_back(it->path().string());
    }
  }
  for (const std::string* f : {&waivers, &args.baseline, &args.state}) {
    if (!f->empty()) out.push_back(*f);
  }
  return out;
}

// No output may replace a file the run reads (compared by identity, not by spelling).
bool check_overwrites(const std::string& option, const std::string& output, const std::vector<std::string>& read) {
  if (const std::string* input = files::overwritten_input(output, read)) {
    return problem(option + output + " names the input '" + *input + "', which it would overwrite; write it elsewhere");
  }
  return true;
}

}  // namespace

bool prepare_ci(const EvaluateArgs& args, CiSetup& ci) {
  for (const std::string& spec : args.outputs) {
    size_t eq = spec.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size()) {
      return problem("--output takes FORMAT=PATH (for example sarif=edict.sarif), got '" + spec + "'");
    }
    std::string format = spec.substr(0, eq), path = spec.substr(eq + 1);
    const auto& names = report::format_names();
    if (std::find(names.begin(), names.end(), format) == names.end()) {
      return problem("unknown report format '" + format + "' in --output (use " + format_list() + ")");
    }
    for (const auto& [f, p] : ci.outputs) {
      if (p == path || files::same_file(p, path)) return problem("--output names '" + path + "' twice");
    }
    // '-' is stdout, as for `baseline create --output -` and `test --junit -`.
    ci.outputs.emplace_back(format, path);
  }
  if (!args.fail_on.empty()) {
    ci.gate.fail_on = engine::severity_rank(args.fail_on);
    if (ci.gate.fail_on < 0) {
      return problem("unknown severity '" + args.fail_on + "' for --fail-on (use " + lang::severity_list(" or ") + ")");
    }
  }
  ci.gate.soft_fail = args.soft_fail;
  std::string error;
  // A baseline records failures as they are, so `baseline create` reads no waivers.
  std::string waivers;
  if (args.write_baseline.empty()) {
    waivers = args.waivers;
    std::error_code ec;
    if (waivers.empty() && std::filesystem::is_regular_file(triage::kDefaultWaiverFile, ec)) {
      waivers = triage::kDefaultWaiverFile;
    }
  }
  std::vector<std::string> read = files_read(args, waivers);
  for (const auto& [format, path] : ci.outputs) {
    if (!check_overwrites("--output " + format + "=", path, read)) return false;
  }
  if (!args.write_baseline.empty() && !check_overwrites("--output ", args.write_baseline, read)) return false;
  if (!args.state.empty()) {  // the state file is rewritten: it must not be any other input
    std::vector<std::string> others(read.begin(), read.end() - 1);
    if (!check_overwrites("--state ", args.state, others)) return false;
  }
  if (args.write_baseline.empty()) {
    const std::string& path = waivers;
    if (!path.empty()) {
      ci.waivers = std::make_unique<triage::WaiverFile>();
      if (!triage::load_waivers(path, *ci.waivers, error)) return problem(error);
    }
  }
  if (!args.baseline.empty()) {
    ci.baseline = std::make_unique<triage::Baseline>();
    if (!triage::load_baseline(args.baseline, *ci.baseline, error)) return problem(error);
  }
  return true;
}

bool select_rules(const bytecode::Program& program, const EvaluateArgs& args, std::vector<std::string>& ids) {
  ids.clear();
  triage::RuleSelection selection{args.rule_ids, args.skip_rule_ids, args.controls};
  if (selection.empty()) return true;
  std::string error;
  if (!triage::select_rules(program, selection, ids, error)) return problem(error);
  return true;
}

int finish_evaluate(const EvaluateArgs& args, CiSetup& ci, const bytecode::Program& program, engine::Results& results,
                    const model::ResourceSet& set, const engine::EvalOptions& opts, bool color) {
  if (!args.write_baseline.empty()) {
    std::string text = triage::render_baseline(results);
    if (args.write_baseline == "-") {
      std::cout << text;
      return 0;
    }
    if (!write_file(args.write_baseline, text, "baseline")) return 2;
    size_t n = results.summary.fail;
    std::cerr << "edict: wrote " << n << " finding" << (n == 1 ? "" : "s") << " to " << args.write_baseline << "\n";
    return 0;
  }
  report::RunInfo info;
  triage::RuleScope scope;
  for (const bytecode::Rule& r : program.rules) {
    scope.all.push_back(r.id);
    if (!engine::selects(r, opts)) continue;
    info.rules.push_back(&r);
    scope.ran.push_back(r.id);
  }
  triage::Outcome outcome = triage::apply(results, ci.waivers.get(), ci.baseline.get(), opts.now_unix, &scope);
  info.triage = &outcome;
  info.builtin_rules = args.rules.empty();
  info.markdown_limit = args.markdown_limit;
  if (ci.have_state) info.first_seen = &ci.first_seen;
  warn_waivers(outcome, program);

  report::TextOptions topts;
  topts.color = color;
  topts.show_passing = !args.quiet;
  // Files first: when one cannot be written the run is exit 2 and stdout shows no report that
  // looks like a success. `--output FORMAT=-` puts that report on stdout instead of --format's.
  std::string stdout_format = args.format;
  report::TextOptions fopts = topts;
  fopts.color = false;  // files are never coloured
  for (const auto& [format, path] : ci.outputs) {
    if (path == "-") {
      stdout_format = format;
      continue;
    }
    if (!write_file(path, report::render(format, results, set, info, fopts), format + " report")) return 2;
  }
  if (stdout_format != "text") topts.color = false;
  std::cout << report::render(stdout_format, results, set, info, topts);
  std::cout.flush();
  return triage::exit_code(results, ci.gate);
}

}  // namespace edict::cli
