// The scan pipeline: options checked, rules compiled and selected, inputs loaded and indexed,
// rules evaluated, the state file advanced, waivers and baseline applied, reports rendered.
#include "scan/scan.h"

#include <algorithm>
#include <chrono>
#include <sstream>

#include "common/text.h"
#include "lang/severity.h"
#include "scan/internal/ci.h"

namespace edict::scan {

namespace {

// "phase NAME: MS ms" log lines after each phase, when asked (bench/ reads them).
class PhaseTimer {
 public:
  PhaseTimer(bool enabled, std::string& log) : enabled_(enabled), log_(log), last_(std::chrono::steady_clock::now()) {}
  void mark(const char* phase) {
    auto now = std::chrono::steady_clock::now();
    if (enabled_) {
      std::ostringstream ms;
      ms << std::chrono::duration<double, std::milli>(now - last_).count();
      log_ += std::string("phase ") + phase + ": " + ms.str() + " ms\n";
    }
    last_ = now;
  }

 private:
  bool enabled_;
  std::string& log_;
  std::chrono::steady_clock::time_point last_;
};

// A failed run: `message` becomes the error and an "edict: error:" log line. Messages that quote
// input text (addresses, keys, file names) are escaped in the log.
ScanOutcome fail(ScanOutcome& out, std::string message, bool escape = true) {
  out.status = Status::Failed;
  out.log += "edict: error: " + (escape ? text::printable(message) : message) + "\n";
  out.error = std::move(message);
  return std::move(out);
}

}  // namespace

int exit_code(Status s) {
  switch (s) {
    case Status::Clean: return 0;
    case Status::Findings: return 1;
    case Status::Failed: return 2;
  }
  return 2;
}

std::vector<std::string> select_changed(const std::vector<std::string>& requested,
                                        const std::vector<std::string>& changed) {
  if (requested.empty()) return changed;
  std::vector<std::string> out;
  for (const std::string& id : requested) {
    if (std::find(changed.begin(), changed.end(), id) != changed.end()) out.push_back(id);
  }
  return out;
}

ScanOutcome run(const ScanOptions& options) {
  ScanOutcome out;
  int64_t now = options.now_unix;
  if (now == 0) {
    std::string error;
    if (!engine::clock_from_env(now, error)) return fail(out, error);
  }
  if (!options.min_severity.empty() && lang::severity_rank(options.min_severity) < 0) {
    return fail(out, "unknown severity '" + options.min_severity + "' (use " + lang::severity_list(" or ") + ")");
  }
  std::vector<std::string> rule_paths = options.rules;
  std::vector<std::string> changed;  // --changed-since: only these rules run
  if (options.changed_since) {
    if (options.changed_since(rule_paths, changed) != 0) {
      out.status = Status::Failed;
      out.error = "the changed rules could not be found";
      return out;
    }
  }
  internal::CiSetup ci;
  if (std::string error; !internal::prepare_ci(options, ci, error)) return fail(out, error, false);

  PhaseTimer timer(options.timing, out.log);
  compiler::CompileOptions copts;
  out.rules = compile_rules(rule_paths, false, copts);
  if (!out.rules.ok()) {  // the caller renders the diagnostics and failure_line()
    out.status = Status::Failed;
    out.error = out.rules.read_error.empty() ? "the rules do not compile" : out.rules.read_error;
    return out;
  }
  const bytecode::Program& program = *out.rules.program;
  timer.mark("compile");
  std::vector<std::string> rule_ids;  // the selection resolved (empty: all)
  if (!options.selection.empty()) {
    std::string error;
    if (!triage::select_rules(program, options.selection, rule_ids, error)) return fail(out, error, false);
  }
  out.resources = std::make_unique<model::ResourceSet>();
  model::ResourceSet& set = *out.resources;
  try {
    load_inputs(set, options.inputs, out.log);
  } catch (const loaders::InputError& e) {
    return fail(out, e.what());
  }
  timer.mark("load");
  // The state file is read before evaluation, so that a bad one stops the run before any work.
  engine::ScanState state;
  if (!options.state.empty()) {
    try {
      state = engine::read_state(options.state);
    } catch (const loaders::InputError& e) {
      return fail(out, e.what());
    }
  }
  out.log += note_lines(set);
  set.finish();
  timer.mark("index");
  engine::EvalOptions opts;
  opts.rules = rule_ids;
  if (options.changed_since) {
    opts.rules = select_changed(rule_ids, changed);
    opts.rules_exact = true;
  }
  opts.min_severity = options.min_severity;
  opts.now_unix = now;
  opts.trace = options.explain ? engine::TraceMode::Failures : engine::TraceMode::Off;
  opts.budget = options.budget;
  opts.jobs = options.jobs;
  out.results = engine::evaluate(program, set, opts);
  timer.mark("evaluate");
  if (!options.state.empty()) {
    out.state_delta = engine::update_state(state, out.results, now);
    ci.have_state = true;
    for (const engine::StateEntry& e : state.entries) {
      if (e.resolved.empty()) ci.first_seen[{e.rule, e.address}] = e.first_seen;
    }
  }
  out.status = internal::finish_ci(options, ci, program, opts, out);
  if (out.status == Status::Failed) out.log += "edict: error: " + out.error + "\n";
  timer.mark("report");
  // Continuous scans: the state advances last, and only when every report was written, so a
  // failed run can be repeated with the same state.
  if (!options.state.empty() && out.status != Status::Failed) {
    try {
      engine::write_state(options.state, state);
      out.epilogue += "state: " + engine::delta_line(out.state_delta) + "\n";
    } catch (const loaders::InputError& e) {
      out.status = Status::Failed;
      out.error = e.what();
      out.epilogue += "edict: error: " + text::printable(out.error) + "\n";
    }
  }
  return out;
}

}  // namespace edict::scan
