// The CLI11 app tree as a CommandDoc, man pages rendered from it, and `edict __generate`.
// Completion scripts are in cli/completions.cpp.
#include "cli/generate.h"

#include <CLI/CLI.hpp>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace edict::cli {

std::string CommandDoc::joined(char sep) const {
  std::string out;
  for (const std::string& p : path) out += (out.empty() ? "" : std::string(1, sep)) + p;
  return out;
}

namespace {

// CLI11 renders an IsMember check into the type name as ":{a,b,c}"; that set is the only source
// of an option's accepted values, so it is read back from there.
std::vector<std::string> choices_of(const std::string& type_name) {
  std::vector<std::string> out;
  size_t open = type_name.find(":{");
  if (open == std::string::npos) return out;
  size_t close = type_name.find('}', open);
  if (close == std::string::npos) return out;
  std::string set = type_name.substr(open + 2, close - open - 2);
  size_t start = 0;
  while (start <= set.size()) {
    size_t comma = set.find(',', start);
    if (comma == std::string::npos) comma = set.size();
    if (comma > start) out.push_back(set.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

std::string upper_name(const std::string& name) {
  std::string out;
  for (char c : name) out += c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

OptionDoc describe_option(const CLI::Option& opt) {
  OptionDoc doc;
  doc.long_names = opt.get_lnames();
  doc.short_names = opt.get_snames();
  doc.description = opt.get_description();
  doc.required = opt.get_required();
  doc.repeatable = opt.get_items_expected_max() > 1;
  if (!opt.nonpositional()) {
    doc.positional = opt.get_name();
    doc.value_name = doc.positional;
  } else if (opt.get_expected_max() != 0) {  // flags expect no value
    doc.value_name = upper_name(doc.long_names.empty() ? doc.short_names.front() : doc.long_names.front());
  }
  doc.choices = choices_of(opt.get_type_name());
  return doc;
}

CommandDoc describe_app(const CLI::App& app, std::vector<std::string> path, const std::string& footer) {
  CommandDoc doc;
  doc.path = std::move(path);
  doc.description = app.get_description();
  // The top-level description reads "edict: ..." in --help; a man page's NAME line has the name.
  std::string prefix = doc.name() + ": ";
  if (doc.description.rfind(prefix, 0) == 0) doc.description = doc.description.substr(prefix.size());
  doc.footer = app.get_footer().empty() ? footer : app.get_footer();
  for (const CLI::Option* opt : app.get_options()) {
    if (opt->get_group().empty()) continue;
    (opt->nonpositional() ? doc.options : doc.positionals).push_back(describe_option(*opt));
  }
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App* s) { return !s->get_group().empty(); })) {
    std::vector<std::string> sub_path = doc.path;
    sub_path.push_back(sub->get_name());
    doc.subcommands.push_back(describe_app(*sub, std::move(sub_path), doc.footer));
  }
  return doc;
}

// Roff: a backslash is \e, a dash in an option name is \- (a real hyphen-minus, so it can be
// searched and pasted), and a line may not start with a control character.
std::string roff(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\\') out += "\\e";
    else out += c;
  }
  if (!out.empty() && (out[0] == '.' || out[0] == '\'')) out = "\\&" + out;
  return out;
}

std::string roff_dashes(const std::string& text) {
  std::string out;
  for (char c : roff(text)) out += c == '-' ? std::string("\\-") : std::string(1, c);
  return out;
}

std::string option_term(const OptionDoc& opt) {
  std::string out;
  for (const std::string& s : opt.short_names) out += (out.empty() ? "" : ", ") + ("\\fB\\-" + roff(s) + "\\fR");
  for (const std::string& l : opt.long_names) out += (out.empty() ? "" : ", ") + ("\\fB\\-\\-" + roff_dashes(l) + "\\fR");
  if (opt.takes_value()) out += " \\fI" + roff(opt.value_name) + "\\fR";
  return out;
}

std::string option_text(const OptionDoc& opt) {
  std::string out = roff(opt.description);
  // --help texts have no closing full stop; the notes added below need one before them.
  if (!out.empty() && out.back() != '.') out += ".";
  if (!opt.choices.empty()) {
    out += "\nOne of:";
    for (size_t i = 0; i < opt.choices.size(); ++i) out += (i ? ", \\fB" : " \\fB") + roff(opt.choices[i]) + "\\fR";
    out += ".";
  }
  if (opt.required) out += "\nRequired.";
  if (opt.repeatable && opt.positional.empty() && opt.description.find("repeatable") == std::string::npos)
    out += "\nMay be given more than once.";
  return out;
}

}  // namespace

CommandDoc describe(const CLI::App& app) { return describe_app(app, {app.get_name()}, ""); }

std::vector<const CommandDoc*> man_pages(const CommandDoc& root) {
  std::vector<const CommandDoc*> out{&root};
  for (const CommandDoc& sub : root.subcommands)
    for (const CommandDoc* page : man_pages(sub)) out.push_back(page);
  return out;
}

std::string render_man(const CommandDoc& cmd, const std::string& version) {
  std::string title;
  for (char c : cmd.joined('-')) title += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  std::string out = ".\\\" Generated by `edict __generate man` from the command-line definition; do not edit.\n";
  out += ".TH " + roff_dashes(title) + " 1 \"\" \"" + roff(version) + "\" \"edict manual\"\n";
  out += ".SH NAME\n" + roff_dashes(cmd.joined('-')) + " \\- " + roff(cmd.description) + "\n";

  out += ".SH SYNOPSIS\n.B " + roff_dashes(cmd.joined(' ')) + "\n";
  if (!cmd.options.empty()) out += "[\\fIOPTIONS\\fR]\n";
  for (const OptionDoc& pos : cmd.positionals) {
    std::string word = "\\fI" + roff(pos.positional) + "\\fR" + (pos.repeatable ? "..." : "");
    out += (pos.required ? word : "[" + word + "]") + "\n";
  }
  if (!cmd.subcommands.empty()) out += "\\fICOMMAND\\fR\n";

  std::string sentence = cmd.description;
  if (!sentence.empty()) sentence[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(sentence[0])));
  out += ".SH DESCRIPTION\n" + roff(sentence) + ".\n";
  if (!cmd.subcommands.empty()) {
    out += ".SH COMMANDS\n";
    for (const CommandDoc& sub : cmd.subcommands)
      out += ".TP\n\\fB" + roff_dashes(sub.name()) + "\\fR\n" + roff(sub.description) + ". See \\fB" +
             roff_dashes(sub.joined('-')) + "\\fR(1).\n";
  }
  if (!cmd.positionals.empty()) {
    out += ".SH ARGUMENTS\n";
    for (const OptionDoc& pos : cmd.positionals)
      out += ".TP\n\\fI" + roff(pos.positional) + "\\fR" + (pos.repeatable ? "..." : "") + "\n" + option_text(pos) + "\n";
  }
  if (!cmd.options.empty()) {
    out += ".SH OPTIONS\n";
    for (const OptionDoc& opt : cmd.options) out += ".TP\n" + option_term(opt) + "\n" + option_text(opt) + "\n";
  }
  if (!cmd.footer.empty()) out += ".SH EXIT STATUS\n" + roff(cmd.footer) + "\n";
  out += ".SH SEE ALSO\n";
  std::string see;
  if (cmd.path.size() > 1) {
    std::vector<std::string> parent(cmd.path.begin(), cmd.path.end() - 1);
    CommandDoc up;
    up.path = parent;
    see = "\\fB" + roff_dashes(up.joined('-')) + "\\fR(1)";
  }
  for (const CommandDoc& sub : cmd.subcommands) see += (see.empty() ? "" : ", ") + ("\\fB" + roff_dashes(sub.joined('-')) + "\\fR(1)");
  if (!see.empty()) out += see + "\n.PP\n";
  out += "The edict documentation in /usr/share/doc/edict (or docs/ in the source tree).\n";
  return out;
}

int run_generate(const CLI::App& app, const std::string& what, const std::string& output) {
  namespace fs = std::filesystem;
  CommandDoc root = describe(app);
  auto write = [](const fs::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    out.close();
    if (!out) {
      std::cerr << "edict: error: cannot write " << path.string() << "\n";
      return false;
    }
    return true;
  };
  if (what == "man") {
    // Many pages: --output names a directory (default: the current one).
    fs::path dir = output.empty() ? fs::path(".") : fs::path(output);
    std::error_code ec;
    fs::create_directories(dir, ec);
    for (const CommandDoc* page : man_pages(root))
      if (!write(dir / (page->joined('-') + ".1"), render_man(*page, std::string("edict ") + EDICT_VERSION))) return 2;
    return 0;
  }
  std::string text = what == "bash" ? render_bash(root) : what == "zsh" ? render_zsh(root) : render_fish(root);
  if (output.empty() || output == "-") {
    std::cout << text;
    return 0;
  }
  return write(output, text) ? 0 : 2;
}

}  // namespace edict::cli
