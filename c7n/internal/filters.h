// Custodian filters to expressions: `value` (and its shorthand), `list-item`, `and`/`or`/`not`,
// and refusals, located in the YAML, for filters that need live data. Used by c7n/frontend.cpp.
#pragma once

#include <yaml-cpp/yaml.h>

#include <functional>
#include <string>
#include <vector>

#include "c7n/internal/record.h"
#include "lang/ast.h"
#include "lang/diagnostics.h"

namespace edict::c7n::internal {

// What the filter compiler needs from the file being built: spans of YAML nodes and reports.
class Context {
 public:
  virtual ~Context() = default;
  virtual lang::Span span_of(const YAML::Node& n) const = 0;
  virtual void report(lang::Code c, lang::Span s, std::string msg, std::vector<lang::Note> notes = {}) = 0;
  // Every key is one of `allowed` (any when empty) and none repeats; reports and returns false if not.
  virtual bool check_keys(const YAML::Node& map, const std::vector<std::string>& allowed, const std::string& what) = 0;
};

// Where filters are compiled: the policy, and the record they read (the resource's, or a list
// item's inside `list-item`) with its shape.
struct Scope {
  std::string policy;
  std::string resource;  // aws.s3
  const loaders::internal::TypeMap* type = nullptr;
  const Shape* shape = nullptr;  // null: not known (keys are not checked)
  std::function<lang::ExprPtr()> doc;
  std::string within;  // "" at the top, "list-item KEY" inside one
  int depth = 0;
};

class Filters {
 public:
  explicit Filters(Context& cx) : cx_(cx) {}
  // The conjunction of a filter list (Custodian and-s a policy's filters); null after an error.
  lang::ExprPtr all(const YAML::Node& list, const Scope& scope, bool top);

 private:
  lang::ExprPtr one(const YAML::Node& f, const Scope& scope, bool first_at_top);
  lang::ExprPtr value(const YAML::Node& f, const Scope& scope, bool first_at_top);
  lang::ExprPtr shorthand(const YAML::Node& key, const YAML::Node& v, const Scope& scope);
  lang::ExprPtr list_item(const YAML::Node& f, const Scope& scope);
  // The S3 resource filters decidable from a record: bucket-encryption, global-grants.
  lang::ExprPtr s3(const std::string& type, const YAML::Node& f, const Scope& scope);
  // Checks a Custodian key against the scope's shape; reports and returns false when unreadable.
  bool check_key(const std::string& key, const YAML::Node& at, const Scope& scope, const std::string& what);
  lang::ExprPtr constant(const YAML::Node& n, int depth = 0);
  std::string where(const Scope& s) const;

  Context& cx_;
  int var_ = 0;
};

}  // namespace edict::c7n::internal
