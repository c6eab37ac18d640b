// CI glue of a scan: checks the CI options, reads waiver and baseline files, applies them after
// evaluation, renders and writes every requested report and decides the status through the gate
// (triage/triage.h).
#include "scan/internal/ci.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "common/files.h"
#include "lang/diagnostics.h"
#include "lang/severity.h"
#include "report/report.h"

namespace edict::scan::internal {

namespace {

bool problem(std::string& error, const std::string& message) {
  error = message;
  return false;
}

std::string format_list() {
  const auto& names = report::format_names();
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) out += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + names[i];
  return out;
}

bool write_file(const std::string& path, const std::string& text, const std::string& what, std::string& error) {
  std::ofstream out(path, std::ios::binary);
  if (out) {
    out << text;
    out.close();
  }
  if (!out) return problem(error, "cannot write the " + what + " to '" + path + "': " + std::strerror(errno));
  return true;
}

// Expired and orphaned waivers: they do not change the status, but a waiver file that nobody
// prunes stops meaning anything.
void warn_waivers(const triage::Outcome& t, const bytecode::Program& program, std::string& log) {
  for (size_t i = 0; i < t.expired.size(); ++i) {
    const triage::Waiver& w = *t.expired[i];
    size_t n = t.expired_matches[i];
    log += "edict: warning: " + w.where() + ": the waiver for " + w.rule + " on " + w.resource + " expired on " +
           w.expires + (w.owner.empty() ? "" : " (owner " + w.owner + ")") + "; it no longer applies" +
           (n == 0   ? ""
            : n == 1 ? " and the finding it covered counts again"
                     : " and the " + std::to_string(n) + " findings it covered count again") +
           "\n";
  }
  std::vector<std::string> ids;
  for (const bytecode::Rule& r : program.rules) ids.push_back(r.id);
  for (const triage::Waiver* w : t.orphaned) {
    std::string hint;
    if (!triage::is_glob(w->rule) && program.find_rule(w->rule) == nullptr) {
      std::string best = lang::did_you_mean(w->rule, ids);
      hint = ": there is no rule '" + w->rule + "'" + (best.empty() ? "" : " (did you mean '" + best + "'?)");
    }
    log += "edict: warning: " + w->where() + ": the waiver for " + w->rule + " on " + w->resource +
           " matched no failing or unknown result (orphaned)" + hint + "\n";
  }
}

// Every file the run reads: inputs, rule files (directories expanded), waivers, baseline, state.
std::vector<std::string> files_read(const ScanOptions& options, const std::string& waivers) {
  std::vector<std::string> out = options.inputs;
  for (const std::string& r : options.rules) {
    std::error_code ec;
    if (!std::filesystem::is_directory(r, ec)) {
      out.push_back(r);
      continue;
    }
    for (std::filesystem::recursive_directory_iterator it(r, ec), end; it != end && !ec; it.increment(ec)) {
      if (it->is_regular_file(ec)) out.push_back(it->path().string());
    }
  }
  for (const std::string* f : {&waivers, &options.baseline, &options.state}) {
    if (!f->empty()) out.push_back(*f);
  }
  return out;
}

// No output may replace a file the run reads (compared by identity, not by spelling).
bool check_overwrites(const std::string& option, const std::string& output, const std::vector<std::string>& read,
                      std::string& error) {
  if (const std::string* input = files::overwritten_input(output, read)) {
    return problem(error,
                   option + output + " names the input '" + *input + "', which it would overwrite; write it elsewhere");
  }
  return true;
}

}  // namespace

bool prepare_ci(const ScanOptions& options, CiSetup& ci, std::string& error) {
  for (const std::string& spec : options.outputs) {
    size_t eq = spec.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size()) {
      return problem(error, "--output takes FORMAT=PATH (for example sarif=edict.sarif), got '" + spec + "'");
    }
    std::string format = spec.substr(0, eq), path = spec.substr(eq + 1);
    const auto& names = report::format_names();
    if (std::find(names.begin(), names.end(), format) == names.end()) {
      return problem(error, "unknown report format '" + format + "' in --output (use " + format_list() + ")");
    }
    for (const auto& [f, p] : ci.outputs) {
      if (p == path || files::same_file(p, path)) return problem(error, "--output names '" + path + "' twice");
    }
    // '-' is stdout, as for `baseline create --output -` and `test --junit -`.
    ci.outputs.emplace_back(format, path);
  }
  if (!options.fail_on.empty()) {
    ci.gate.fail_on = lang::severity_rank(options.fail_on);
    if (ci.gate.fail_on < 0) {
      return problem(error, "unknown severity '" + options.fail_on + "' for --fail-on (use " +
                                lang::severity_list(" or ") + ")");
    }
  }
  ci.gate.soft_fail = options.soft_fail;
  // A baseline records failures as they are, so writing one reads no waivers.
  std::string waivers;
  if (options.write_baseline.empty()) {
    waivers = options.waivers;
    std::error_code ec;
    if (waivers.empty() && std::filesystem::is_regular_file(triage::kDefaultWaiverFile, ec)) {
      waivers = triage::kDefaultWaiverFile;
    }
  }
  std::vector<std::string> read = files_read(options, waivers);
  for (const auto& [format, path] : ci.outputs) {
    if (!check_overwrites("--output " + format + "=", path, read, error)) return false;
  }
  if (!options.write_baseline.empty() && !check_overwrites("--output ", options.write_baseline, read, error)) {
    return false;
  }
  if (!options.state.empty()) {  // the state file is rewritten: it must not be any other input
    std::vector<std::string> others(read.begin(), read.end() - 1);
    if (!check_overwrites("--state ", options.state, others, error)) return false;
  }
  if (!waivers.empty()) {
    ci.waivers = std::make_unique<triage::WaiverFile>();
    if (!triage::load_waivers(waivers, *ci.waivers, error)) return false;
  }
  if (!options.baseline.empty()) {
    ci.baseline = std::make_unique<triage::Baseline>();
    if (!triage::load_baseline(options.baseline, *ci.baseline, error)) return false;
  }
  return true;
}

Status finish_ci(const ScanOptions& options, CiSetup& ci, const bytecode::Program& program,
                 const engine::EvalOptions& opts, ScanOutcome& out) {
  engine::Results& results = out.results;
  if (!options.write_baseline.empty()) {
    std::string text = triage::render_baseline(results);
    if (options.write_baseline == "-") {
      out.report = std::move(text);
      return Status::Clean;
    }
    if (!write_file(options.write_baseline, text, "baseline", out.error)) return Status::Failed;
    size_t n = results.summary.fail;
    out.log += "edict: wrote " + std::to_string(n) + " finding" + (n == 1 ? "" : "s") + " to " + options.write_baseline +
               "\n";
    return Status::Clean;
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
  info.builtin_rules = options.rules.empty();
  info.markdown_limit = options.markdown_limit;
  if (ci.have_state) info.first_seen = &ci.first_seen;
  warn_waivers(outcome, program, out.log);

  report::TextOptions topts;
  topts.color = options.color;
  topts.show_passing = options.show_passing;
  // Files first: when one cannot be written the run fails and there is no report that looks
  // like a success. An output to '-' replaces the `format` report.
  std::string stdout_format = options.format;
  report::TextOptions fopts = topts;
  fopts.color = false;  // files are never coloured
  const model::ResourceSet& set = *out.resources;
  for (const auto& [format, path] : ci.outputs) {
    if (path == "-") {
      stdout_format = format;
      continue;
    }
    if (!write_file(path, report::render(format, results, set, info, fopts), format + " report", out.error)) {
      return Status::Failed;
    }
  }
  if (stdout_format != "text") topts.color = false;
  out.report = report::render(stdout_format, results, set, info, topts);
  return triage::exit_code(results, ci.gate) == 0 ? Status::Clean : Status::Findings;
}

}  // namespace edict::scan::internal
