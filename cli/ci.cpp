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

#include "lang/diagnostics.h"
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
      if (p == path) return problem("--output names '" + path + "' twice");
    }
    ci.outputs.emplace_back(format, path);
  }
  if (!args.fail_on.empty()) {
    ci.gate.fail_on = engine::severity_rank(args.fail_on);
    if (ci.gate.fail_on < 0) {
      return problem("unknown severity '" + args.fail_on + "' for --fail-on (use info, low, medium, high or critical)");
    }
  }
  ci.gate.soft_fail = args.soft_fail;
  std::string error;
  // A baseline records failures as they are, so `baseline create` reads no waivers.
  if (args.write_baseline.empty()) {
    std::string path = args.waivers;
    std::error_code ec;
    if (path.empty() && std::filesystem::is_regular_file(triage::kDefaultWaiverFile, ec)) {
      path = triage::kDefaultWaiverFile;
    }
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
  warn_waivers(outcome, program);

  report::TextOptions topts;
  topts.color = color;
  topts.show_passing = !args.quiet;
  std::cout << report::render(args.format, results, set, info, topts);
  std::cout.flush();
  topts.color = false;  // files are never coloured
  for (const auto& [format, path] : ci.outputs) {
    if (!write_file(path, report::render(format, results, set, info, topts), format + " report")) return 2;
  }
  return triage::exit_code(results, ci.gate);
}

}  // namespace edict::cli
