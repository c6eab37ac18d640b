// Tab completion: command names; per command, paths, resource types, addresses or rule ids; in
// expressions, attribute names of the selected resource (also after `a.b.`), builtins, functions,
// keywords, `@` metadata fields and resource types.
#include <algorithm>
#include <cctype>
#include <filesystem>

#include "repl/session.h"
#include "stdlib/builtins.h"

namespace edict::repl {

namespace {

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

bool is_space(char c) { return c == ' ' || c == '\t'; }

bool is_expression_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '@';
}

void offer(Completion& out, std::string_view word, std::string_view candidate) {
  if (starts_with(candidate, word)) out.candidates.emplace_back(candidate);
}

// Files and directories below the directory part of `word`: directories end in '/', and only
// rule (.edict) and input (.json) files are offered.
void complete_path(std::string_view word, Completion& out) {
  namespace fs = std::filesystem;
  size_t slash = word.rfind('/');
  std::string dir = slash == std::string_view::npos ? std::string() : std::string(word.substr(0, slash + 1));
  std::string_view base = slash == std::string_view::npos ? word : word.substr(slash + 1);
  std::error_code ec;
  for (fs::directory_iterator it(dir.empty() ? "." : dir, ec), end; it != end && !ec; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (!starts_with(name, base) || (name.front() == '.' && !starts_with(base, "."))) continue;
    std::error_code ec2;
    if (it->is_directory(ec2)) {
      out.candidates.push_back(dir + name + "/");
    } else {
      std::string ext = it->path().extension().string();
      if (ext == ".edict" || ext == ".json") out.candidates.push_back(dir + name);
    }
  }
}

}  // namespace

Completion Session::complete(std::string_view line) const {
  Completion out;
  size_t lead = 0;
  while (lead < line.size() && is_space(line[lead])) ++lead;
  if (pending_.empty() && lead < line.size() && line[lead] == ':') {
    size_t space = lead;
    while (space < line.size() && !is_space(line[space])) ++space;
    if (space == line.size()) {
      out.start = lead;
      for (const Command& c : commands()) offer(out, line.substr(lead), c.name);
      out.append_space = true;
    } else {
      std::string_view name = line.substr(lead, space - lead);
      size_t start = line.size();
      while (start > space && !is_space(line[start - 1])) --start;
      size_t arg = 0;  // index of the argument being completed
      for (size_t i = space; i < start; ++i) {
        if (!is_space(line[i]) && is_space(line[i - 1])) ++arg;
      }
      out.start = start;
      for (const Command& c : commands()) {
        if (c.name != name) continue;
        Command::Arg kind = c.completes;
        if (kind == Command::Arg::RuleThenAddress) {
          kind = arg == 0 ? Command::Arg::Rule : arg == 1 ? Command::Arg::Address : Command::Arg::None;
        } else if (kind != Command::Arg::Paths && arg > 0) {
          kind = Command::Arg::None;
        }
        complete_command_arg(kind, line.substr(start), out);
      }
    }
  } else {
    size_t start = line.size();
    while (start > 0 && is_expression_char(line[start - 1])) --start;
    out.start = start;
    complete_expression(line.substr(start), out);
  }
  std::sort(out.candidates.begin(), out.candidates.end());
  out.candidates.erase(std::unique(out.candidates.begin(), out.candidates.end()), out.candidates.end());
  return out;
}

void Session::complete_command_arg(Command::Arg kind, std::string_view word, Completion& out) const {
  switch (kind) {
    case Command::Arg::None:
    case Command::Arg::RuleThenAddress: return;
    case Command::Arg::Paths: complete_path(word, out); break;
    case Command::Arg::Type:
      for (const model::Resource& r : set_->resources()) offer(out, word, r.type);
      break;
    case Command::Arg::Address:
      for (const model::Resource& r : set_->resources()) offer(out, word, r.address);
      break;
    case Command::Arg::Rule:
      for (const bytecode::Rule& r : workspace_.program().rules) offer(out, word, r.id);
      break;
  }
  // A directory is not finished: the user goes on typing below it.
  out.append_space = !(out.candidates.size() == 1 && out.candidates.front().back() == '/');
}

void Session::complete_expression(std::string_view word, Completion& out) const {
  std::string missing;
  const model::Resource* self = selected_.empty() ? nullptr : find_resource(selected_, missing);
  const bytecode::Program& program = workspace_.program();
  for (const bytecode::Function& f : program.functions) offer(out, word, f.name);  // qualified when packaged

  if (starts_with(word, "@")) {
    for (int i = 0; i <= static_cast<int>(bytecode::MetaField::File); ++i) {
      offer(out, word, std::string("@") + bytecode::meta_field_name(static_cast<bytecode::MetaField>(i)));
    }
    return;
  }
  size_t dot = word.rfind('.');
  if (dot != std::string_view::npos) {
    // `a.b.par`: keys of the object at a.b in the selected resource (`self.` is the resource).
    if (self == nullptr) return;
    std::string_view head = word.substr(0, dot);
    if (head == "self") head = {};
    if (starts_with(head, "self.")) head.remove_prefix(5);
    const Value* v = head.empty() ? &self->attrs : model::find_path(self->attrs, head);
    while (v != nullptr && v->is_list() && v->size() > 0) v = &v->as_list()[0];
    if (v == nullptr || !v->is_object()) return;
    std::string prefix(word.substr(0, dot + 1));
    for (const Member& m : v->as_object()) offer(out, word, prefix + std::string(symbol_name(m.key)));
    return;
  }
  static constexpr std::string_view kKeywords[] = {"all",  "some", "none", "count", "in",     "if",   "then",
                                                   "else", "not",  "and",  "or",    "refers", "self", "null",
                                                   "true", "false"};
  for (std::string_view k : kKeywords) offer(out, word, k);
  for (const stdlib::Builtin& b : stdlib::builtins()) offer(out, word, b.name);
  for (const model::Resource& r : set_->resources()) offer(out, word, r.type);
  for (const bytecode::Rule& r : program.rules) {
    for (const std::string& t : r.types) offer(out, word, t);
  }
  if (self != nullptr && self->attrs.is_object()) {
    for (const Member& m : self->attrs.as_object()) offer(out, word, symbol_name(m.key));
  }
}

}  // namespace edict::repl
