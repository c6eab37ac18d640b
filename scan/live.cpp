// config_rule, drift and explain: compile, load, evaluate and render, as scan::run does for plans.
#include "scan/live.h"

#include "common/text.h"
#include "engine/drift.h"
#include "lang/diagnostics.h"
#include "report/config_rule.h"
#include "scan/explain.h"
#include "scan/inputs.h"

namespace edict::scan {

namespace {

// A failed run; input-derived text is escaped in the log.
ScanOutcome fail(ScanOutcome& out, std::string message) {
  out.status = Status::Failed;
  out.log += "edict: error: " + text::printable(message) + "\n";
  out.error = std::move(message);
  return std::move(out);
}

bool compiled(ScanOutcome& out, const std::vector<std::string>& rules) {
  out.rules = compile_rules(rules);
  if (out.rules.ok()) return true;
  out.status = Status::Failed;
  out.error = out.rules.read_error.empty() ? "the rules do not compile" : out.rules.read_error;
  return false;
}

// Reads the event, and the item when it is not in it, into `set`.
void load_event(const ConfigRuleOptions& options, model::ResourceSet& set, report::ConfigEvent& event) {
  std::string name = options.event == "-" ? "<stdin>" : options.event;
  std::string text = loaders::read_input(options.event);
  event = report::parse_config_event(text, name);
  if (!options.item.empty()) {
    // The item fetched by the caller (get-resource-config-history / batch-get-resource-config);
    // of a history only the latest capture is judged (loaders/aws_config.cpp).
    report::check_item_resource(loaders::read_input(options.item), options.item, event);
    loaders::load_file(set, options.item);
  } else if (event.left_scope) {
    // Not evaluated (NOT_APPLICABLE), so an oversized notice needs no --item either.
  } else if (event.oversized) {
    throw loaders::InputError(name + ": an oversized configuration item is not in the event; fetch it with "
                                     "get-resource-config-history and pass it with --item FILE");
  } else {
    loaders::load_text(set, text, name);
  }
}

}  // namespace

ScanOutcome config_rule(const ConfigRuleOptions& options) {
  ScanOutcome out;
  if (!compiled(out, options.rules)) return out;
  const bytecode::Program& program = *out.rules.program;
  engine::EvalOptions opts;
  if (!options.rule_ids.empty()) {  // one Config rule per rule id: an unknown id is an error, not NOT_APPLICABLE
    std::string error;
    if (!triage::select_rules(program, options.rule_ids, {}, opts.rules, error)) return fail(out, error);
    opts.rules_exact = true;
  }
  out.resources = std::make_unique<model::ResourceSet>();
  model::ResourceSet& set = *out.resources;
  report::ConfigEvent event;
  try {
    load_event(options, set, event);
  } catch (const loaders::InputError& e) {
    return fail(out, e.what());
  }
  // The rule parameters, readable by rules as a resource that is never checked itself.
  if (std::string error; !add_rule_parameters(set, event.rule_parameters, error)) return fail(out, error);
  out.log += note_lines(set);
  set.finish();
  out.results = engine::evaluate(program, set, opts);
  out.report = report::render_put_evaluations(out.results, event);
  out.status = Status::Clean;
  return out;
}

ScanOutcome drift(const DriftOptions& options) {
  ScanOutcome out;
  if (!compiled(out, options.rules)) return out;
  const bytecode::Program& program = *out.rules.program;
  model::ResourceSet plan, live;
  try {
    load_inputs(plan, options.plan, out.log, false);
    load_inputs(live, options.live, out.log, false);
  } catch (const loaders::InputError& e) {
    return fail(out, e.what());
  }
  out.log += note_lines(plan) + note_lines(live);
  plan.finish();
  live.finish();
  engine::EvalOptions opts;
  opts.jobs = options.jobs;
  engine::DriftReport report =
      engine::compare(engine::evaluate(program, plan, opts), engine::evaluate(program, live, opts));
  out.report = options.format == "json" ? engine::render_drift_json(report) : engine::render_drift(report);
  out.status = report.empty() ? Status::Clean : Status::Findings;
  return out;
}

ScanOutcome explain(const ExplainOptions& options) {
  ScanOutcome out;
  int64_t now = 0;
  if (std::string error; !engine::clock_from_env(now, error)) return fail(out, error);
  if (!compiled(out, options.rules)) return out;
  const bytecode::Program& program = *out.rules.program;
  const bytecode::Rule* rule = program.find_rule(options.rule);
  if (rule == nullptr) {
    std::vector<std::string> ids;
    for (const bytecode::Rule& r : program.rules) ids.push_back(r.id);
    std::string best = lang::did_you_mean(options.rule, ids);
    return fail(out, "unknown rule id '" + options.rule + "'" + (best.empty() ? "" : " (did you mean '" + best + "'?)"));
  }
  out.resources = std::make_unique<model::ResourceSet>();
  model::ResourceSet& set = *out.resources;
  try {
    std::string ignored;  // explain prints no notes
    load_inputs(set, options.inputs, ignored, false);
  } catch (const loaders::InputError& e) {
    return fail(out, e.what());
  }
  set.finish();
  const model::Resource* res = set.by_address(options.address);
  if (res == nullptr) {
    std::vector<std::string> addresses;
    for (const model::Resource& r : set.resources()) addresses.emplace_back(r.address);
    std::string best = lang::did_you_mean(options.address, addresses);
    return fail(out, "no resource '" + options.address + "' in the input" +
                         (best.empty() ? "" : " (did you mean '" + best + "'?)"));
  }
  if (std::string why = engine::no_verdict_reason(*rule, *res); !why.empty()) return fail(out, why);
  engine::EvalOptions opts;
  opts.now_unix = now;
  opts.trace = engine::TraceMode::All;
  opts.budget = options.budget;
  engine::Result r = engine::evaluate_one(program, set, *rule, *res, opts);
  out.report = render_explanation(program, set, r);
  out.status = r.status == engine::Status::Fail || r.status == engine::Status::Error ? Status::Findings : Status::Clean;
  return out;
}

}  // namespace edict::scan
