// The rule catalogue in text, JSON and markdown (docs/rules.md), and the library lint.
#include "report/catalog.h"

#include <algorithm>
#include <map>
#include <utility>

#include "lang/source.h"
#include "report/internal/json_writer.h"
#include "triage/triage.h"

namespace edict::report {

namespace {

bool any_matches(const std::vector<std::string>& patterns, const std::vector<std::string>& values) {
  return std::any_of(values.begin(), values.end(), [&](const std::string& v) {
    return std::any_of(patterns.begin(), patterns.end(), [&](const std::string& p) {
      return triage::is_glob(p) ? triage::glob_match(p, v) : p == v;
    });
  });
}

std::string joined(const std::vector<std::string>& items, const char* sep) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) out += (i ? sep : "") + items[i];
  return out;
}

size_t rule_line(const bytecode::Program& program, const bytecode::Rule& r) {
  if (!program.sources || r.span.file >= program.sources->size()) return 0;
  return program.sources->file(r.span.file).line_col(r.span.begin).line;
}

// A markdown table cell: one line, pipes escaped.
std::string cell(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n' || c == '\r') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::string code_list(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) out += (i ? ", `" : "`") + cell(items[i]) + "`";
  return out;
}

// GitHub's heading anchor for a rule id (ids are letters, digits, '_' and '-').
std::string anchor(std::string_view id) {
  std::string out;
  for (char c : id) out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return out;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// Counts of a framework's controls and of the rules that claim one, for the preface.
struct FrameworkCount {
  size_t rules = 0;
  std::vector<std::string> ids;  // distinct, sorted
};

void count_framework(const std::vector<const bytecode::Rule*>& rules, std::string_view prefix, FrameworkCount& out) {
  for (const bytecode::Rule* r : rules) {
    bool claims = false;
    for (const std::string& c : r->controls) {
      if (!starts_with(c, prefix)) continue;
      claims = true;
      out.ids.push_back(c);
    }
    if (claims) ++out.rules;
  }
  std::sort(out.ids.begin(), out.ids.end());
  out.ids.erase(std::unique(out.ids.begin(), out.ids.end()), out.ids.end());
}

}  // namespace

std::vector<const bytecode::Rule*> catalog_rules(const bytecode::Program& program, const CatalogFilter& filter) {
  std::vector<const bytecode::Rule*> out;
  for (const bytecode::Rule& r : program.rules) {
    if (!filter.controls.empty() && !any_matches(filter.controls, r.controls)) continue;
    if (!filter.types.empty() && !any_matches(filter.types, r.types)) continue;
    out.push_back(&r);
  }
  std::sort(out.begin(), out.end(), [](const bytecode::Rule* a, const bytecode::Rule* b) { return a->id < b->id; });
  return out;
}

std::string render_catalog_text(const std::vector<const bytecode::Rule*>& rules) {
  std::vector<std::vector<std::string>> rows = {{"ID", "SEVERITY", "CATEGORY", "TYPES", "CONTROLS", "TITLE"}};
  for (const bytecode::Rule* r : rules) {
    rows.push_back({r->id, r->severity, r->category.empty() ? "-" : r->category, joined(r->types, ","),
                    r->controls.empty() ? "-" : joined(r->controls, ","), r->title});
  }
  std::vector<size_t> width(rows[0].size(), 0);
  for (const auto& row : rows)
    for (size_t i = 0; i < row.size(); ++i) width[i] = std::max(width[i], row[i].size());
  std::string out;
  for (const auto& row : rows) {
    std::string line;
    for (size_t i = 0; i < row.size(); ++i) {
      line += row[i];
      if (i + 1 < row.size()) line.append(width[i] - row[i].size() + 2, ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  out += std::to_string(rules.size()) + (rules.size() == 1 ? " rule\n" : " rules\n");
  return out;
}

std::string render_catalog_json(const bytecode::Program& program, const std::vector<const bytecode::Rule*>& rules) {
  std::string out;
  internal::JsonWriter w(out);
  w.begin_object();
  w.key("version");
  w.value(size_t{1});
  w.key("rules");
  w.begin_array();
  for (const bytecode::Rule* r : rules) {
    w.begin_object();
    const std::pair<const char*, const std::string*> fields[] = {
        {"id", &r->id}, {"title", &r->title}, {"severity", &r->severity}, {"category", &r->category}};
    for (const auto& [key, value] : fields) {
      w.key(key);
      w.value(*value);
    }
    w.key("types");
    w.string_array(r->types);
    w.key("data_sources");
    w.value(r->data_sources);
    w.key("controls");
    w.string_array(r->controls);
    w.key("remediation");
    w.value(r->remediation);
    w.key("doc");
    w.value(r->doc);
    w.key("package");
    w.value(r->package);
    w.key("file");
    w.value(r->file);
    w.key("line");
    w.value(rule_line(program, *r));
    w.end_object();
  }
  w.end_array();
  w.end_object();
  out += "\n";
  return out;
}

std::string render_catalog_markdown(const std::vector<const bytecode::Rule*>& rules) {
  FrameworkCount cis, fsbp, checkov, checkov2;
  count_framework(rules, "CIS-AWS-", cis);
  count_framework(rules, "FSBP-", fsbp);
  count_framework(rules, "CKV_AWS_", checkov);
  count_framework(rules, "CKV2_AWS_", checkov2);
  auto framework_line = [](const char* name, const char* glob, const FrameworkCount& c) {
    return "| " + std::string(name) + " | `" + glob + "` | " + std::to_string(c.rules) + " | " +
           std::to_string(c.ids.size()) + " |\n";
  };

  std::string out;
  out += "# Rule catalogue\n\n";
  out += "<!-- Generated from the rules' metadata by `edict rules --format markdown`; do not edit by hand.\n";
  out += "     Refresh it with `cmake --build build --target update-rules-doc` (the `rules.doc` test fails when\n";
  out += "     this file is stale). -->\n\n";
  out += "The library has " + std::to_string(rules.size()) + (rules.size() == 1 ? " rule" : " rules") +
         ", listed below from the metadata of the compiled rules (`edict rules` prints the same list\n"
         "as text or JSON). Each rule's notes come from its doc comment, the `#` lines directly above `rule`.\n\n";
  out += "## Rule ids\n\n";
  out += "A rule id is stable: reports, waivers and baselines name rules by id. Ids are kebab-case\n"
         "`<service>-<what is required>`, such as `s3-encryption-at-rest` or `rds-storage-encrypted`, where the\n"
         "prefix is the AWS service (`s3`, `ec2`, `sg`, `iam`, `rds`, ...). The first rules of the library keep the\n"
         "ids they shipped with (`CUSTOM_NET_001`, `CUSTOM_RDS_001`, `CUSTOM_RDS_002`).\n\n";
  out += "## Controls\n\n";
  out += "`controls` lists the ids of equivalent checks in other frameworks, spelt one way (`edict rules --lint`\n"
         "rejects any other spelling). A control is listed only where the meaning matches; where edict is stricter or\n"
         "looser, the rule's notes say how.\n\n";
  out += "| Framework | Spelling | Rules | Distinct controls |\n|---|---|---|---|\n";
  out += framework_line("CIS AWS Foundations Benchmark v1.5.0", "CIS-AWS-x.y.z", cis);
  out += framework_line("AWS Foundational Security Best Practices", "FSBP-SVC.N", fsbp);
  out += framework_line("Checkov (resource checks)", "CKV_AWS_N", checkov);
  out += framework_line("Checkov (graph checks)", "CKV2_AWS_N", checkov2);
  out += "\n## Selecting by framework\n\n";
  out += "`--control` takes a control id or a glob (`*` any run of characters, `?` one character) and may be\n"
         "repeated; a rule is selected when any of its controls matches any pattern. With `--rule`, `--skip-rule`\n"
         "and `--severity` it combines as AND.\n\n";
  out += "```sh\n"
         "edict evaluate --control 'CIS-*' plan.json          # the CIS AWS Foundations rules\n"
         "edict evaluate --control 'FSBP-S3.*' plan.json      # the FSBP S3 controls\n"
         "edict evaluate --control 'CKV_AWS_*' --control 'CKV2_AWS_*' plan.json   # rules with a Checkov twin\n"
         "edict rules --control 'CIS-AWS-2.*'                 # list what covers CIS section 2\n"
         "edict rules --type aws_s3_bucket --format json      # the S3 bucket rules, with remediation\n"
         "```\n\n";
  out += "## Rules\n\n";
  out += "| Id | Title | Severity | Category | Resource types | Controls |\n|---|---|---|---|---|---|\n";
  for (const bytecode::Rule* r : rules) {
    out += "| [`" + r->id + "`](#" + anchor(r->id) + ") | " + cell(r->title) + " | " + r->severity + " | " +
           cell(r->category) + " | " + code_list(r->types) + (r->data_sources ? " (data)" : "") + " | " +
           code_list(r->controls) + " |\n";
  }
  out += "\n## Notes\n";
  for (const bytecode::Rule* r : rules) {
    out += "\n### " + r->id + "\n\n";
    out += r->doc.empty() ? "(no doc comment)\n" : r->doc + "\n";
    if (!r->remediation.empty()) out += "\nRemediation: " + r->remediation + "\n";
    out += "\nSource: `" + r->file + "`\n";
  }
  return out;
}

bool valid_control_id(std::string_view id) {
  for (std::string_view checkov : {"CKV_AWS_", "CKV2_AWS_"}) {
    if (starts_with(id, checkov)) return all_digits(id.substr(checkov.size()));
  }
  if (starts_with(id, "CIS-AWS-")) {
    std::string_view rest = id.substr(8);
    size_t parts = 0;
    while (true) {
      size_t dot = rest.find('.');
      if (!all_digits(rest.substr(0, dot))) return false;
      ++parts;
      if (dot == std::string_view::npos) break;
      rest = rest.substr(dot + 1);
    }
    return parts == 2 || parts == 3;
  }
  if (starts_with(id, "FSBP-")) {
    std::string_view rest = id.substr(5);
    size_t dot = rest.find('.');
    if (dot == std::string_view::npos || dot == 0 || !all_digits(rest.substr(dot + 1))) return false;
    if (rest[0] < 'A' || rest[0] > 'Z') return false;
    return std::all_of(rest.begin(), rest.begin() + static_cast<std::ptrdiff_t>(dot), [](char c) {
      return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    });
  }
  return false;
}

const std::vector<std::string>& rule_categories() {
  static const std::vector<std::string> categories = {
      "encryption", "networking",       "logging", "iam",     "data_protection", "backup_and_recovery",
      "monitoring", "general_security", "secrets", "public_access"};
  return categories;
}

std::vector<LintIssue> lint_rules(const bytecode::Program& program, const std::vector<const bytecode::Rule*>& selected) {
  // In source order, as a compiler lists diagnostics.
  std::vector<const bytecode::Rule*> rules = selected;
  std::stable_sort(rules.begin(), rules.end(), [](const bytecode::Rule* a, const bytecode::Rule* b) {
    return a->file != b->file ? a->file < b->file : a->span.begin < b->span.begin;
  });
  std::vector<LintIssue> issues;
  for (const bytecode::Rule* r : rules) {
    std::string where = r->file + ":" + std::to_string(rule_line(program, *r));
    auto issue = [&](std::string message) { issues.push_back({where, r->id, std::move(message)}); };
    if (r->doc.empty()) issue("no doc comment (the `#` lines directly above `rule`)");
    if (r->title.empty()) issue("no title");
    if (r->default_severity) issue("no severity");
    const auto& cats = rule_categories();
    if (r->category.empty()) {
      issue("no category");
    } else if (std::find(cats.begin(), cats.end(), r->category) == cats.end()) {
      issue("unknown category '" + r->category + "' (use " + joined(cats, ", ") + ")");
    }
    if (r->remediation.empty()) issue("no remediation");
    bool every_else = !r->asserts.empty() && std::all_of(r->asserts.begin(), r->asserts.end(),
                                                         [](const bytecode::Assert& a) { return a.has_message; });
    if (!r->has_message && !every_else) issue("no message (and not every assert has an `else` message)");
    std::map<std::string, int> seen;
    for (const std::string& c : r->controls) {
      if (!valid_control_id(c)) {
        issue("control '" + c + "' is not spelt CKV_AWS_N, CKV2_AWS_N, CIS-AWS-x.y.z or FSBP-SVC.N");
      } else if (++seen[c] == 2) {
        issue("control '" + c + "' is listed twice");
      }
    }
  }
  return issues;
}

std::string render_lint(const std::vector<LintIssue>& issues, size_t rule_count) {
  std::string out;
  for (const LintIssue& i : issues) out += i.where + ": " + i.rule + ": " + i.message + "\n";
  std::string rules = std::to_string(rule_count) + (rule_count == 1 ? " rule" : " rules");
  if (issues.empty()) return out + rules + ": lint clean\n";
  size_t bad = 0;  // issues of one rule are adjacent
  for (size_t i = 0; i < issues.size(); ++i) bad += i == 0 || issues[i].where != issues[i - 1].where;
  return out + std::to_string(issues.size()) + (issues.size() == 1 ? " problem" : " problems") + " in " +
         std::to_string(bad) + " of " + rules + "\n";
}

}  // namespace edict::report
