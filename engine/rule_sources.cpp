// Reading rule files and directories, and the embedded rule library.
#include "engine/rule_sources.h"

#include <algorithm>
#include <filesystem>

#include "c7n/policy_file.h"
#include "loaders/loader.h"
#include "rules/embedded.h"

namespace edict::engine {

namespace fs = std::filesystem;

namespace {
// Through the one bounded reader (a rule path such as /dev/zero is an error, not a full memory).
bool read_file(const std::string& path, std::string& out, std::string& error) {
  try {
    out = loaders::read_input(path);
  } catch (const loaders::InputError& e) {
    error = e.what();
    return false;
  }
  return true;
}

// A .yml/.yaml file found in a rule directory is read only when it holds Custodian policies (test
// files and waivers live beside rules).
bool is_policy_path(const std::string& path) {
  std::string text, error;
  return read_file(path, text, error) && c7n::is_policy_file(path, text);
}
}  // namespace

bool add_rule_paths(lang::SourceManager& sources, const std::vector<std::string>& paths, std::string& error) {
  for (const std::string& path : paths) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      std::vector<std::string> files;
      for (fs::recursive_directory_iterator it(path, ec), end; it != end && !ec; it.increment(ec)) {
        if (!it->is_regular_file()) continue;
        std::string ext = it->path().extension().string();
        if (ext == ".edict") files.push_back(it->path().string());
        // Custodian policy files (a top-level `policies:` list) are rule sources too.
        if ((ext == ".yml" || ext == ".yaml") && is_policy_path(it->path().string())) files.push_back(it->path().string());
      }
      if (ec) {
        error = "cannot read directory '" + path + "': " + ec.message();
        return false;
      }
      std::sort(files.begin(), files.end());
      if (files.empty()) {
        error = "no .edict rule files in directory '" + path + "'";
        return false;
      }
      for (const std::string& f : files) {
        std::string text;
        if (!read_file(f, text, error)) return false;
        sources.add(f, std::move(text));
      }
    } else {
      if (!fs::exists(path, ec)) {
        error = "cannot read '" + path + "': No such file or directory";
        return false;
      }
      std::string text;
      if (!read_file(path, text, error)) return false;
      sources.add(path, std::move(text));
    }
  }
  return true;
}

void add_builtin_rules(lang::SourceManager& sources) {
  for (const rules::EmbeddedRuleFile& f : rules::embedded_rule_files()) {
    sources.add(std::string(f.path), std::string(f.text));
  }
}

}  // namespace edict::engine
