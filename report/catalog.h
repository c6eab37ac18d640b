// The rule catalogue: a compiled program's rules listed from their metadata (text, JSON, and the
// markdown of docs/rules.md) and the library lint. Made by `edict rules`; the rule metadata comes
// from bytecode::Rule, so the listing is always the compiled library, never a separate list.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "vm/bytecode.h"

namespace edict::report {

// `edict rules --control GLOB --type TYPE`: each list is ids or globs; empty lists do not
// restrict. A rule is listed when one of its controls matches a control pattern and one of its
// resource types matches a type pattern.
struct CatalogFilter {
  std::vector<std::string> controls;
  std::vector<std::string> types;
};

// The rules that pass the filter, sorted by id.
std::vector<const bytecode::Rule*> catalog_rules(const bytecode::Program& program, const CatalogFilter& filter);

// One row per rule: id, severity, category, resource types, controls, title; then a count.
std::string render_catalog_text(const std::vector<const bytecode::Rule*>& rules);
// {"version": 1, "rules": [{id, title, severity, category, types, controls, remediation, doc,
// package, file, line}]}.
std::string render_catalog_json(const bytecode::Program& program, const std::vector<const bytecode::Rule*>& rules);
// docs/rules.md: a generated preface (the id scheme, the control spellings, selecting by
// framework), a table of every rule and a notes section with each rule's doc comment.
std::string render_catalog_markdown(const std::vector<const bytecode::Rule*>& rules);

// --- the library lint (`edict rules --lint`) ---

// Whether `id` is spelt as the library writes controls: CKV_AWS_N, CKV2_AWS_N (Checkov),
// CIS-AWS-x.y[.z] (CIS AWS Foundations Benchmark v1.5.0) or FSBP-SVC.N (AWS Foundational
// Security Best Practices, e.g. FSBP-S3.1).
bool valid_control_id(std::string_view id);

// The categories a rule may have (docs/rules.md lists them).
const std::vector<std::string>& rule_categories();

// One problem with one rule's metadata.
struct LintIssue {
  std::string where;  // FILE:LINE of the rule
  std::string rule;
  std::string message;
};

// Every rule must have a title, a severity clause, a known category, a remediation, a message (or
// an `else` on every assert) and a doc comment, and its controls must be spelt as above.
// Issues come in source order (file, then line).
std::vector<LintIssue> lint_rules(const bytecode::Program& program, const std::vector<const bytecode::Rule*>& selected);

// "FILE:LINE: RULE: message" per issue, then a summary line.
std::string render_lint(const std::vector<LintIssue>& issues, size_t rule_count);

}  // namespace edict::report
