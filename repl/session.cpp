// Session: line handling (commands, multi-line definitions, expressions), loading rules and
// inputs, and inline definitions that recompile everything and run the new rules at once.
#include "common/text.h"
#include "repl/session.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>

#include "compiler/compiler.h"
#include "engine/evaluate.h"
#include "engine/rule_sources.h"
#include "lang/parser.h"
#include "loaders/loader.h"
#include "report/report.h"
#include "repl/internal/render.h"
#include "scan/inputs.h"
#include "vm/interpreter.h"

namespace edict::repl {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::vector<std::string> split_words(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    size_t b = i;
    while (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    if (i > b) out.emplace_back(s.substr(b, i - b));
  }
  return out;
}

std::string default_history_path() {
  if (const char* env = std::getenv("EDICT_HISTORY")) return env;  // set but empty: no history
  const char* home = std::getenv("HOME");
  return home != nullptr && *home != '\0' ? std::string(home) + "/.edict_history" : std::string();
}

}  // namespace

Session::Session() : set_(std::make_unique<model::ResourceSet>()), history_path_(default_history_path()) {
  set_->finish();
}

Session::~Session() = default;

std::string Session::start(const std::vector<std::string>& rule_paths, const std::vector<std::string>& inputs) {
  std::string out;
  if (rule_paths.empty()) {
    lang::SourceManager library;
    engine::add_builtin_rules(library);
    std::vector<internal::Unit> units;
    for (uint32_t f = 0; f < library.size(); ++f) units.push_back({library.file(f).path(), library.file(f).text()});
    internal::Change change;
    std::string diagnostics;
    if (!workspace_.apply(std::move(units), change, diagnostics)) ++errors_;
    out += diagnostics + "loaded " + text::plural(workspace_.program().rules.size(), "rule", "rules") + " from the shipped library\n";
  } else {
    out += load_rules(rule_paths);
  }
  if (!inputs.empty()) out += load_inputs(inputs);
  return out;
}

std::string Session::prompt() const {
  if (continuing()) return "   ...> ";
  return selected_.empty() ? "edict> " : "edict(" + selected_ + ")> ";
}

std::string Session::error(std::string message) {
  ++errors_;
  return "error: " + message + "\n";
}

std::string Session::execute(std::string_view line) {
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  if (pending_.empty()) {
    std::string_view t = trim(line);
    if (t.empty() || t.front() == '#') return "";
    if (t.front() == ':') return run_command(t);
  }
  pending_ += line;
  pending_ += '\n';
  if (lang::needs_more_input(pending_)) return "";
  std::string input = std::move(pending_);
  pending_.clear();
  return run_input(input);
}

std::string Session::finish() {
  if (pending_.empty()) return "";
  pending_.clear();
  return error("the input ended inside an unfinished definition or expression (it was dropped)");
}

std::string Session::run_command(std::string_view line) {
  std::vector<std::string> words = split_words(line);
  std::string name = words.front();
  words.erase(words.begin());
  for (const Command& c : commands()) {
    if (c.name == name) return (this->*c.run)(words);
  }
  if (name == ":q" || name == ":exit") return cmd_quit(words);
  std::vector<std::string> names;
  for (const Command& c : commands()) names.emplace_back(c.name);
  std::string best = lang::did_you_mean(name, names);
  return error("unknown command '" + name + "'" + (best.empty() ? "" : " (did you mean '" + best + "'?)") +
               "; :help lists the commands");
}

std::string Session::run_input(const std::string& text) {
  std::string name = "<repl:" + std::to_string(input_count_ + 1) + ">";
  auto sources = workspace_.sources_with({name, text});
  auto file = static_cast<uint32_t>(sources->size() - 1);
  lang::DiagnosticSink sink;
  lang::ReplInput input = lang::parse_repl_input(*sources, file, sink);
  if (!sink.has_errors() && input.module && input.module->rules.empty() && input.module->defs.empty()) {
    pending_ = text;  // only `package` or `import` lines so far: the definitions follow
    return "";
  }
  ++input_count_;
  if (sink.has_errors()) {
    ++errors_;
    return lang::render_all(sink, *sources);
  }
  return input.module ? define(name, text) : evaluate_expression(name, text);
}

std::string Session::define(const std::string& name, const std::string& text) {
  internal::Change change;
  std::string out;
  if (!workspace_.apply({{name, text}}, change, out)) {
    ++errors_;
    return out + "(nothing was defined; the earlier definitions are unchanged)\n";
  }
  for (const std::string& d : change.defs_added) out += "def " + d + " defined\n";
  for (const std::string& d : change.defs_replaced) out += "def " + d + " redefined\n";
  for (const std::string& r : change.rules_added) out += "rule " + r + " defined\n";
  for (const std::string& r : change.rules_replaced) out += "rule " + r + " redefined\n";
  std::vector<std::string> ids = change.rules_added;
  ids.insert(ids.end(), change.rules_replaced.begin(), change.rules_replaced.end());
  if (!ids.empty()) out += report_rules(ids);
  return out;
}

std::string Session::evaluate_expression(const std::string& name, const std::string& text) {
  auto sources = workspace_.sources_with({name, text});
  auto file = static_cast<uint32_t>(sources->size() - 1);
  lang::DiagnosticSink sink;
  compiler::ExpressionResult compiled = compiler::compile_expression(sources, file, sink);
  std::string out = internal::render_diagnostics(sink, *sources, file);
  if (!compiled.program) {
    ++errors_;
    return out;
  }
  std::string missing;
  const model::Resource* self = selected_.empty() ? nullptr : find_resource(selected_, missing);
  vm::Interpreter vm(*compiled.program, *set_, engine::default_now());
  Value value;
  bool ok = self != nullptr ? vm.run(compiled.entry, self, value) : vm.run_value(compiled.entry, Value::null(), value);
  if (!ok) {
    ++errors_;
    out += internal::caret_error(*sources, vm.error().span, vm.error().message);
    if (self == nullptr) out += "(no resource is selected: `:use ADDRESS` makes names read its attributes)\n";
    return out;
  }
  out += internal::show_value(value);
  if (value.is_unknown() && !vm.unknown_paths().empty()) {
    std::string paths;
    for (const std::string& p : vm.unknown_paths()) paths += (paths.empty() ? "" : ", ") + p;
    out += " (known after apply: " + paths + ")";
  }
  return out + "\n";
}

std::string Session::report_rules(const std::vector<std::string>& ids) {
  if (set_->resources().empty()) return "(no inputs loaded: `:load plan.json` to run rules)\n";
  engine::EvalOptions opts;
  opts.rules = ids;
  engine::Results results = engine::evaluate(workspace_.program(), *set_, opts);
  if (results.items.empty()) {
    std::string list;
    for (const std::string& id : ids) list += (list.empty() ? "" : ", ") + id;
    return "no loaded resource is checked by " + list + "\n";
  }
  report::TextOptions topts;
  topts.color = color_;
  return report::render_text(results, *set_, topts);
}

std::string Session::load_rules(const std::vector<std::string>& paths) {
  lang::SourceManager files;
  std::string message;
  if (!engine::add_rule_paths(files, paths, message)) return error(message);
  std::vector<internal::Unit> units;
  for (uint32_t f = 0; f < files.size(); ++f) units.push_back({files.file(f).path(), files.file(f).text()});
  internal::Change change;
  std::string out;
  if (!workspace_.apply(std::move(units), change, out)) {
    ++errors_;
    return out + "(no rules were loaded; the earlier rules are unchanged)\n";
  }
  size_t defined = change.rules_added.size() + change.rules_replaced.size();
  out += "loaded " + text::plural(defined, "rule", "rules") + " from " + text::plural(files.size(), "file", "files");
  if (!change.rules_replaced.empty()) out += " (" + std::to_string(change.rules_replaced.size()) + " redefined)";
  return out + "; " + text::plural(workspace_.program().rules.size(), "rule", "rules") + " in all\n";
}

std::string Session::load_inputs(const std::vector<std::string>& paths) {
  // The set is rebuilt from every input so far: a ResourceSet is indexed once, after its last file.
  std::vector<std::string> all = inputs_;
  for (const std::string& p : paths) {
    if (std::find(all.begin(), all.end(), p) == all.end()) all.push_back(p);
  }
  auto set = std::make_unique<model::ResourceSet>();
  std::string out;
  try {
    std::string notes;  // the REPL lists what each new file added instead of the loaders' notes
    for (const scan::LoadedInput& in : scan::load_inputs(*set, all, notes, false)) {
      if (std::find(paths.begin(), paths.end(), in.path) != paths.end()) {
        out += "loaded " + text::plural(in.resources, "resource", "resources") + " from " + in.path + " (" +
               std::string(loaders::format_name(in.format)) + ")\n";
      }
    }
  } catch (const loaders::InputError& e) {
    return error(std::string(e.what()) + " (the loaded inputs are unchanged)");
  }
  set->finish();
  set_ = std::move(set);
  inputs_ = std::move(all);
  if (!selected_.empty() && set_->by_address(selected_) == nullptr) {
    out += "(" + selected_ + " is no longer in the inputs: no resource is selected)\n";
    selected_.clear();
  }
  return out;
}

const model::Resource* Session::find_resource(const std::string& address, std::string& message) const {
  if (const model::Resource* r = set_->by_address(address)) return r;
  if (set_->resources().empty()) {
    message = "no resource '" + address + "': no inputs are loaded (`:load plan.json`)";
    return nullptr;
  }
  std::vector<std::string> addresses;
  for (const model::Resource& r : set_->resources()) addresses.emplace_back(r.address);
  std::string best = lang::did_you_mean(address, addresses);
  message = "no resource '" + address + "' in the inputs" + (best.empty() ? "" : " (did you mean '" + best + "'?)");
  return nullptr;
}

const model::Resource* Session::resource_arg(const std::vector<std::string>& args, size_t at,
                                             std::string& message) const {
  if (at < args.size()) return find_resource(args[at], message);
  if (!selected_.empty()) return find_resource(selected_, message);
  message = "which resource? give an ADDRESS (or select one with `:use ADDRESS`)";
  return nullptr;
}

const bytecode::Rule* Session::find_rule(const std::string& id, std::string& message) const {
  const bytecode::Program& p = workspace_.program();
  if (const bytecode::Rule* r = p.find_rule(id)) return r;
  std::vector<std::string> ids;
  for (const bytecode::Rule& r : p.rules) ids.push_back(r.id);
  std::string best = lang::did_you_mean(id, ids);
  message = "no rule '" + id + "'" + (best.empty() ? "" : " (did you mean '" + best + "'?)");
  return nullptr;
}

}  // namespace edict::repl
