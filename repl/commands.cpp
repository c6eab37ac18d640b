// The REPL's `:commands`: one table gives dispatch, :help and completion; each command is a
// Session member that returns the text to print and reports bad arguments as errors.
#include <algorithm>
#include <filesystem>
#include <set>

#include "engine/evaluate.h"
#include "repl/internal/render.h"
#include "repl/session.h"
#include "scan/explain.h"

namespace edict::repl {

const std::vector<Command>& commands() {
  using A = Command::Arg;
  static const std::vector<Command> table = {
      {":load", "PATH...", "load rules (.edict files, Custodian .yml policies, directories) and inputs (.json)", A::Paths,
       &Session::cmd_load},
      {":resources", "[TYPE]", "list the loaded resources (of one type)", A::Type, &Session::cmd_resources},
      {":show", "[ADDRESS]", "print a normalized resource; unknowns show as (known after apply)", A::Address,
       &Session::cmd_show},
      {":use", "[ADDRESS]", "select a resource: expressions then read its attributes (no ADDRESS: none)",
       A::Address, &Session::cmd_use},
      {":run", "[RULE]", "evaluate every rule (or one) over the loaded inputs", A::Rule, &Session::cmd_run},
      {":why", "RULE [ADDRESS]", "trace a rule on a resource: each sub-expression with its value",
       A::RuleThenAddress, &Session::cmd_why},
      {":unknowns", "[ADDRESS]", "list the attribute paths of a resource that are known only after apply",
       A::Address, &Session::cmd_unknowns},
      {":refs", "[ADDRESS]", "list the reference edges from and to a resource, with attribute paths", A::Address,
       &Session::cmd_refs},
      {":disasm", "[RULE]", "print the bytecode of a rule (or of everything)", A::Rule, &Session::cmd_disasm},
      {":help", "", "print this help", A::None, &Session::cmd_help},
      {":quit", "", "leave the REPL (so do Ctrl-D and :q)", A::None, &Session::cmd_quit},
  };
  return table;
}

namespace {
std::string pad(std::string s, size_t width) {
  if (s.size() < width) s.resize(width, ' ');
  return s;
}
}  // namespace

std::string Session::cmd_load(const std::vector<std::string>& args) {
  if (args.empty()) return error("usage: :load PATH... (rule files or directories, plan or state JSON files)");
  std::vector<std::string> rules, inputs;
  for (const std::string& a : args) {
    std::error_code ec;
    std::string ext = std::filesystem::path(a).extension().string();
    // .yml/.yaml files are Custodian policy files (c7n/frontend.h).
    bool rule = std::filesystem::is_directory(a, ec) || ext == ".edict" || ext == ".yml" || ext == ".yaml";
    (rule ? rules : inputs).push_back(a);
  }
  std::string out;
  if (!rules.empty()) out += load_rules(rules);
  if (!inputs.empty()) out += load_inputs(inputs);
  return out;
}

std::string Session::cmd_resources(const std::vector<std::string>& args) {
  if (args.size() > 1) return error("usage: :resources [TYPE]");
  if (set_->resources().empty()) return "no inputs loaded (`:load plan.json`)\n";
  std::vector<const model::Resource*> list;
  std::set<std::string> types;
  for (const model::Resource& r : set_->resources()) {
    types.emplace(r.type);
    if (args.empty() || r.type == args[0]) list.push_back(&r);
  }
  if (list.empty()) {
    std::string best = lang::did_you_mean(args[0], {types.begin(), types.end()});
    return error("no " + args[0] + " resources in the inputs" + (best.empty() ? "" : " (did you mean '" + best + "'?)"));
  }
  size_t width = 0;
  for (const model::Resource* r : list) width = std::max(width, r->address.size());
  std::string out;
  for (const model::Resource* r : list) {
    out += "  " + pad(std::string(r->address), width + 2) + std::string(model::action_name(r->action));
    if (!r->checked) out += r->mode == model::Mode::Data ? " (data source)" : " (not checked)";
    out += "\n";
  }
  std::string count = std::to_string(list.size()) + (list.size() == 1 ? " resource" : " resources");
  return out + count + (args.empty() ? "" : " of type " + args[0]) + "\n";
}

std::string Session::cmd_show(const std::vector<std::string>& args) {
  if (args.size() > 1) return error("usage: :show [ADDRESS]");
  std::string message;
  const model::Resource* r = resource_arg(args, 0, message);
  if (r == nullptr) return error(message);
  return internal::show_resource(*set_, *r);
}

std::string Session::cmd_use(const std::vector<std::string>& args) {
  if (args.size() > 1) return error("usage: :use [ADDRESS]");
  if (args.empty()) {
    selected_.clear();
    return "no resource selected: expressions have no self\n";
  }
  std::string message;
  const model::Resource* r = find_resource(args[0], message);
  if (r == nullptr) return error(message);
  selected_ = args[0];
  return "using " + selected_ + " (" + std::string(r->type) + "): names read its attributes, `self` is it\n";
}

std::string Session::cmd_run(const std::vector<std::string>& args) {
  if (args.size() > 1) return error("usage: :run [RULE]");
  if (workspace_.program().rules.empty()) return "no rules loaded (`:load rules.edict`, or type a rule)\n";
  std::vector<std::string> ids;
  if (!args.empty()) {
    std::string message;
    if (find_rule(args[0], message) == nullptr) return error(message);
    ids.push_back(args[0]);
  }
  return report_rules(ids);
}

std::string Session::cmd_why(const std::vector<std::string>& args) {
  if (args.empty() || args.size() > 2) return error("usage: :why RULE [ADDRESS]");
  std::string message;
  const bytecode::Rule* rule = find_rule(args[0], message);
  if (rule == nullptr) return error(message);
  const model::Resource* res = resource_arg(args, 1, message);
  if (res == nullptr) return error(message);
  if (std::string why = engine::no_verdict_reason(*rule, *res); !why.empty()) return error(why);
  engine::EvalOptions opts;
  opts.trace = engine::TraceMode::All;
  engine::Result r = engine::evaluate_one(workspace_.program(), *set_, *rule, *res, opts);
  return scan::render_explanation(workspace_.program(), *set_, r, scan::ExplainLayout::Inline);
}

std::string Session::cmd_unknowns(const std::vector<std::string>& args) {
  if (args.size() > 1) return error("usage: :unknowns [ADDRESS]");
  std::string message;
  const model::Resource* r = resource_arg(args, 0, message);
  if (r == nullptr) return error(message);
  std::vector<std::string> paths = internal::unknown_paths(r->attrs);
  if (paths.empty()) return "every attribute of " + std::string(r->address) + " is known\n";
  std::string out;
  for (const std::string& p : paths) out += "  " + p + "\n";
  return out + std::to_string(paths.size()) + " known only after apply\n";
}

std::string Session::cmd_refs(const std::vector<std::string>& args) {
  if (args.size() > 1) return error("usage: :refs [ADDRESS]");
  std::string message;
  const model::Resource* r = resource_arg(args, 0, message);
  if (r == nullptr) return error(message);
  std::string from, to;
  for (const model::Edge& e : set_->edges()) {
    std::string path(symbol_name(e.path));
    if (e.from == r->id) from += "  " + path + " -> " + std::string(set_->resources()[e.to].address) + "\n";
    if (e.to == r->id) to += "  " + std::string(set_->resources()[e.from].address) + "." + path + "\n";
  }
  std::string address(r->address);
  return address + " refers to:\n" + (from.empty() ? "  (nothing)\n" : from) + address +
         " is referred to by:\n" + (to.empty() ? "  (nothing)\n" : to);
}

std::string Session::cmd_disasm(const std::vector<std::string>& args) {
  if (args.size() > 1) return error("usage: :disasm [RULE]");
  if (args.empty()) return bytecode::disassemble(workspace_.program());
  std::string message;
  const bytecode::Rule* rule = find_rule(args[0], message);
  if (rule == nullptr) return error(message);
  return bytecode::disassemble_rule(workspace_.program(), *rule);
}

std::string Session::cmd_help(const std::vector<std::string>&) {
  std::string out = "Commands (Tab completes commands, addresses, types, rules, attributes and functions):\n";
  for (const Command& c : commands()) {
    out += "  " + pad(std::string(c.name) + (c.args.empty() ? "" : " " + std::string(c.args)), 26) +
           std::string(c.help) + "\n";
  }
  out +=
      "Anything else is rule language:\n"
      "  an expression        evaluated against the :use resource (names read its attributes)\n"
      "  rule ID { ... }      defines or redefines a rule and runs it over the loaded inputs\n"
      "  def NAME(ARGS) = E   defines or redefines a function\n"
      "Unclosed brackets or a trailing operator continue on the next line (Ctrl-C drops the input).\n";
  return out;
}

std::string Session::cmd_quit(const std::vector<std::string>&) {
  done_ = true;
  return "";
}

}  // namespace edict::repl
