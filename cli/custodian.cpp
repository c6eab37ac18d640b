// `edict custodian validate POLICY...` (compile, located errors) and `edict custodian run
// --output-dir OUT POLICY... INPUT...`, which lays out its output as `custodian run --dryrun`
// does: OUT/<policy>/resources.json and metadata.json, plus OUT/report.md over all policies.
// Actions are listed with each matched resource, never executed.
#include "cli/custodian.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>

#include "c7n/frontend.h"
#include "c7n/policy_file.h"
#include "common/text.h"
#include "compiler/compiler.h"
#include "engine/evaluate.h"
#include "loaders/loader.h"

namespace edict::cli {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

json yaml_json(const YAML::Node& n, int depth = 0) {
  if (!n || n.IsNull() || depth > 64) return nullptr;
  if (n.IsScalar()) {
    c7n::ScalarValue v = c7n::resolve_scalar(n);
    switch (v.kind) {
      case c7n::ScalarValue::Kind::Null: return nullptr;
      case c7n::ScalarValue::Kind::Bool: return v.boolean;
      case c7n::ScalarValue::Kind::Int: return v.integer;
      case c7n::ScalarValue::Kind::Float: return v.number;
      case c7n::ScalarValue::Kind::String: return v.text;
    }
  }
  if (n.IsSequence()) {
    json out = json::array();
    for (const YAML::Node& e : n) out.push_back(yaml_json(e, depth + 1));
    return out;
  }
  json out = json::object();
  for (auto it = n.begin(); it != n.end(); ++it) out[it->first.Scalar()] = yaml_json(it->second, depth + 1);
  return out;
}

// An action as Custodian would be given it: {"type": ..., params...}.
json action_json(const YAML::Node& a) {
  if (a.IsScalar()) return json{{"type", a.Scalar()}};
  return yaml_json(a);
}

struct Policy {
  json data;
  json actions = json::array();
};

struct Compiled {
  std::unique_ptr<bytecode::Program> program;
  std::map<std::string, Policy> policies;
  size_t files = 0;
};

// Reads and compiles the policy files; diagnostics to stderr. False on any error.
bool compile_policies(const std::vector<std::string>& paths, Compiled& out) {
  auto sources = std::make_shared<lang::SourceManager>();
  for (const std::string& p : paths) {
    std::string text;
    try {
      text = loaders::read_input(p);
    } catch (const loaders::InputError& e) {
      std::cerr << "edict: error[E0401]: " << text::printable(e.what()) << "\n";
      return false;
    }
    if (!c7n::is_policy_file(p, text)) {
      std::cerr << "edict: error: '" << text::printable(p) << "' is not a Custodian policy file (.yml/.yaml with `policies:`)\n";
      return false;
    }
    sources->add(p, std::move(text));
  }
  lang::DiagnosticSink sink;
  std::vector<lang::Module> modules = c7n::parse_modules(*sources, sink);
  compiler::CompileResult result = compiler::compile(sources, std::move(modules), sink);
  std::string rendered = lang::render_all(sink, *sources);
  if (!rendered.empty()) std::cerr << rendered;
  if (sink.has_errors() || !result.program) {
    std::cerr << "edict: " << sink.error_count() << " error" << (sink.error_count() == 1 ? "" : "s")
              << "; nothing was run\n";
    return false;
  }
  for (uint32_t f = 0; f < sources->size(); ++f) {
    lang::DiagnosticSink again;  // reported above already
    for (const c7n::PolicyEntry& e : c7n::parse_policy_source(*sources, f, again).policies) {
      if (out.policies.count(e.name)) continue;
      Policy p;
      p.data = yaml_json(e.node);
      if (YAML::Node acts = e.node["actions"]; acts && acts.IsSequence()) {
        for (const YAML::Node& a : acts) p.actions.push_back(action_json(a));
      }
      out.policies[e.name] = std::move(p);
    }
  }
  out.files = sources->size();
  out.program = std::move(result.program);
  return true;
}

bool write_file(const fs::path& path, const std::string& text) {
  std::ofstream f(path, std::ios::binary);
  f << text;
  return static_cast<bool>(f);
}

int run_validate(const CustodianCommand& cmd) {
  if (cmd.paths.empty()) {
    std::cerr << "edict: error: custodian validate needs policy files\n";
    return 2;
  }
  Compiled c;
  if (!compile_policies(cmd.paths, c)) return 2;
  std::cout << c.program->rules.size() << " polic" << (c.program->rules.size() == 1 ? "y" : "ies") << " OK\n";
  return 0;
}

int run_run(const CustodianCommand& cmd) {
  std::vector<std::string> policy_paths, inputs;
  for (const std::string& p : cmd.paths) (c7n::has_policy_extension(p) ? policy_paths : inputs).push_back(p);
  if (policy_paths.empty() || inputs.empty()) {
    std::cerr << "edict: error: custodian run needs policy files (.yml/.yaml) and input files\n";
    return 2;
  }
  Compiled c;
  if (!compile_policies(policy_paths, c)) return 2;
  model::ResourceSet set;
  try {
    for (const std::string& in : inputs) loaders::load_file(set, in);
  } catch (const loaders::InputError& e) {
    std::cerr << "edict: error: " << text::printable(e.what()) << "\n";
    return 2;
  }
  set.finish();
  engine::EvalOptions opts;
  std::string clock_error;
  if (!engine::clock_from_env(opts.now_unix, clock_error)) {
    std::cerr << "edict: error: " << clock_error << "\n";
    return 2;
  }
  std::error_code ec;
  fs::create_directories(cmd.output_dir, ec);
  if (ec) {
    std::cerr << "edict: error: cannot create '" << text::printable(cmd.output_dir) << "': " << ec.message() << "\n";
    return 2;
  }
  std::vector<const bytecode::Rule*> rules;
  for (const bytecode::Rule& r : c.program->rules) rules.push_back(&r);
  std::sort(rules.begin(), rules.end(), [](auto* a, auto* b) { return a->id < b->id; });
  std::string table;
  size_t violations = 0, failing = 0, unknowns = 0;
  for (const bytecode::Rule* rule : rules) {
    opts.rules = {rule->id};
    auto start = std::chrono::steady_clock::now();
    engine::Results results = engine::evaluate(*c.program, set, opts);
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const Policy& policy = c.policies[rule->id];
    json matched = json::array();
    std::vector<std::string> ids, unknown_ids, error_ids;
    for (const engine::Result& r : results.items) {
      std::string address(r.resource->address);
      if (r.status == engine::Status::Unknown) unknown_ids.push_back(address);
      if (r.status == engine::Status::Error) error_ids.push_back(address + ": " + r.message);
      if (r.status != engine::Status::Fail) continue;
      ids.push_back(address);
      json res = json::parse(to_json(r.resource->attrs), nullptr, false);
      if (!res.is_object()) res = json::object();
      res["c7n:edict"] = {{"address", address},
                          {"type", std::string(r.resource->type)},
                          {"source", std::string(r.resource->source)},
                          {"file", set.files()[r.resource->file]}};
      res["c7n:actions"] = policy.actions;  // what Custodian would run on it; edict runs nothing
      matched.push_back(std::move(res));
    }
    fs::path dir = fs::path(cmd.output_dir) / rule->id;
    fs::create_directories(dir, ec);
    json meta = {{"policy", policy.data},
                 {"version", EDICT_VERSION},
                 {"engine", "edict"},
                 {"execution", {{"start", opts.now_unix}, {"duration", seconds}, {"dryrun", true}}},
                 {"counts", {{"resources", results.items.size()}, {"matched", ids.size()},
                             {"unknown", unknown_ids.size()}, {"error", error_ids.size()}}},
                 {"unknown", unknown_ids},
                 {"errors", error_ids},
                 {"actions", policy.actions}};
    if (!write_file(dir / "resources.json", matched.dump(2) + "\n") || !write_file(dir / "metadata.json", meta.dump(2) + "\n")) {
      std::cerr << "edict: error: cannot write to '" << text::printable(dir.string()) << "'\n";
      return 2;
    }
    violations += ids.size();
    unknowns += unknown_ids.size();
    if (!ids.empty()) ++failing;
    std::string first;
    for (size_t i = 0; i < ids.size() && i < 5; ++i) first += (i ? ", " : "") + ("`" + ids[i] + "`");
    if (ids.size() > 5) first += ", ...";
    std::string actions;
    for (const json& a : policy.actions) actions += (actions.empty() ? "" : ", ") + a.value("type", std::string("?"));
    std::string status = !error_ids.empty() ? "ERROR" : !ids.empty() ? "FAIL" : !unknown_ids.empty() ? "UNKNOWN" : "PASS";
    table += "| " + rule->id + " | " + status + " | " + std::to_string(ids.size()) + " | " + first + " | " + actions + " |\n";
    std::cout << rule->id << ": " << status << ", " << ids.size() << " matched of " << results.items.size() << "\n";
  }
  std::string report = "# Custodian compliance report\n\n";
  report += "- Policies: " + std::to_string(rules.size()) + " (" + std::to_string(failing) + " failing)\n";
  report += "- Violations (matched resources): " + std::to_string(violations) + "\n";
  report += "- Undecided (unknown): " + std::to_string(unknowns) + "\n";
  report += "- Actions: listed, not executed (dry run)\n\n";
  report += "| policy | status | matched | first resources | actions |\n|---|---|---|---|---|\n" + table;
  if (!write_file(fs::path(cmd.output_dir) / "report.md", report)) {
    std::cerr << "edict: error: cannot write the report\n";
    return 2;
  }
  return violations > 0 ? 1 : 0;
}

}  // namespace

void add_custodian_command(CLI::App& app, CustodianCommand& cmd) {
  cmd.app = app.add_subcommand("custodian", "Cloud Custodian policies: `custodian run` and `custodian validate`, offline");
  cmd.app->require_subcommand(1);
  cmd.validate = cmd.app->add_subcommand("validate", "Check policy files the way `custodian validate` does");
  cmd.validate->add_option("POLICY", cmd.paths, "Policy files (.yml/.yaml)")->required();
  cmd.run = cmd.app->add_subcommand("run", "Run policies over recorded resources, Config snapshots or plans (dry run)");
  cmd.run->add_option("--output-dir,-s", cmd.output_dir, "Where OUT/<policy>/resources.json, metadata.json and report.md go")
      ->required();
  cmd.run->add_option("PATH", cmd.paths, "Policy files (.yml/.yaml), then inputs (.json)")->required();
  cmd.run->footer("Exit codes: 0 no policy matched, 1 some matched, 2 could not run.");
}

int run_custodian(const CustodianCommand& cmd) {
  if (cmd.validate && *cmd.validate) return run_validate(cmd);
  return run_run(cmd);
}

}  // namespace edict::cli
