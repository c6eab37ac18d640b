// The REPL's core: a Session reads one line at a time and returns the text to print, so it can be
// driven by the libedit front end (repl/terminal.h), by a script on stdin, or by tests. Made by
// `edict repl` (cli/commands.cpp); owns the rule sources, the compiled program, the loaded
// resources and the selected resource.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model/resource.h"
#include "repl/internal/workspace.h"

namespace edict::repl {

// What tab completion offers for the word that ends at the cursor.
struct Completion {
  size_t start = 0;                     // where the word being completed begins in the line
  std::vector<std::string> candidates;  // whole replacement words, sorted, without duplicates
  bool append_space = false;            // a finished word (command, address, rule id) takes a space
};

class Session;

// One `:command`: its name, argument synopsis and help line, what its arguments complete to, and
// the member function that runs it. The table (commands()) drives dispatch, :help and completion.
struct Command {
  enum class Arg : uint8_t { None, Paths, Type, Address, Rule, RuleThenAddress };
  std::string_view name;  // ":show"
  std::string_view args;  // "ADDRESS"
  std::string_view help;
  Arg completes = Arg::None;
  std::string (Session::*run)(const std::vector<std::string>& args);
};
const std::vector<Command>& commands();

class Session {
 public:
  Session();
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // Startup: rule paths (none: the shipped rule library) and inputs, as `edict repl` got them.
  // Returns what to print; a bad path is reported and the session starts without it.
  std::string start(const std::vector<std::string>& rule_paths, const std::vector<std::string>& inputs);

  // Runs one line: a `:command`, a line of a rule/def definition, or an expression. Returns the
  // text to print (empty while a multi-line definition is still open). Never throws for bad input.
  std::string execute(std::string_view line);
  // At the end of input: reports a definition that was left open.
  std::string finish();
  // Drops a half-typed multi-line input (Ctrl-C).
  void cancel_input() { pending_.clear(); }

  bool continuing() const { return !pending_.empty(); }  // inside a multi-line input
  bool done() const { return done_; }                    // :quit was entered
  size_t error_count() const { return errors_; }         // inputs that ended in an error
  void set_color(bool on) { color_ = on; }               // colour rule reports (a terminal)
  std::string prompt() const;
  // Where history is kept: $EDICT_HISTORY, else ~/.edict_history (empty: no history).
  const std::string& history_path() const { return history_path_; }

  // Completion for the text before the cursor (`line` is that text).
  Completion complete(std::string_view line) const;

  // The commands (see commands()); each returns the text to print.
  std::string cmd_load(const std::vector<std::string>& args);
  std::string cmd_resources(const std::vector<std::string>& args);
  std::string cmd_show(const std::vector<std::string>& args);
  std::string cmd_use(const std::vector<std::string>& args);
  std::string cmd_run(const std::vector<std::string>& args);
  std::string cmd_why(const std::vector<std::string>& args);
  std::string cmd_unknowns(const std::vector<std::string>& args);
  std::string cmd_refs(const std::vector<std::string>& args);
  std::string cmd_disasm(const std::vector<std::string>& args);
  std::string cmd_help(const std::vector<std::string>& args);
  std::string cmd_quit(const std::vector<std::string>& args);

 private:
  std::string run_command(std::string_view line);
  std::string run_input(const std::string& text);
  std::string define(const std::string& name, const std::string& text);
  std::string evaluate_expression(const std::string& name, const std::string& text);
  std::string report_rules(const std::vector<std::string>& ids);
  std::string load_rules(const std::vector<std::string>& paths);
  std::string load_inputs(const std::vector<std::string>& paths);
  // The resource at `address`, else null with an error (and a did-you-mean) in `error`.
  const model::Resource* find_resource(const std::string& address, std::string& error) const;
  // The resource named by args[at], or the selected one when there is no such argument.
  const model::Resource* resource_arg(const std::vector<std::string>& args, size_t at, std::string& error) const;
  const bytecode::Rule* find_rule(const std::string& id, std::string& error) const;
  std::string error(std::string message);  // counts the error, returns "error: message\n"

  void complete_command_arg(Command::Arg kind, std::string_view word, Completion& out) const;
  void complete_expression(std::string_view word, Completion& out) const;

  internal::Workspace workspace_;
  std::unique_ptr<model::ResourceSet> set_;
  std::vector<std::string> inputs_;  // input files, in load order (reloaded together on :load)
  std::string selected_;             // address of the :use resource (empty: none)
  std::string pending_;              // lines of an unfinished multi-line input
  std::string history_path_;
  size_t input_count_ = 0;  // names inline inputs <repl:N>
  size_t errors_ = 0;
  bool done_ = false;
  bool color_ = false;
};

}  // namespace edict::repl
