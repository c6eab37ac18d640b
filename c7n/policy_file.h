// Cloud Custodian policy files: a YAML document whose top level holds a `policies:` list, read
// into one PolicyEntry per policy (name, provider, resource, its data and where it is). Made here;
// used by the c7n front end (compiling policies) and by history/ (policy streams and diffs).
#pragma once

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lang/diagnostics.h"
#include "lang/source.h"

namespace edict::c7n {

// A policy file above this size is an error before it is parsed: yaml-cpp builds a node per
// scalar, so the bound keeps memory proportional to a file a person could review.
constexpr uint64_t kMaxPolicyFileSize = uint64_t{10} << 20;  // 10 MiB
// yaml-cpp shares the node of an anchor with every alias, so parsing an alias bomb is linear;
// walking it is not. Every walk of a policy's data (checks, canonical form) counts the nodes and
// scalar bytes it visits with aliases expanded, and stops with E0501 past these bounds plus the
// file's size (which no file without aliases exceeds: every node takes at least a byte).
constexpr uint64_t kMaxExpandedNodes = 1'000'000;
constexpr uint64_t kMaxExpandedBytes = uint64_t{64} << 20;

// `aws.ec2` and `ec2` both name provider aws, resource ec2; `gcp.instance` names gcp, instance.
struct ResourceName {
  std::string provider;
  std::string resource;
  std::string qualified() const { return provider + "." + resource; }
};
ResourceName split_resource(std::string_view written);

// A scalar typed as PyYAML (YAML 1.1, which Custodian loads with) types a plain scalar: null
// (`~`, `null`, empty), bool (`true`, `yes`, `on`, `False`, ...), int (decimal, 0x, 0b, 0-octal,
// `_` separators; beyond 64 bits a Float), float (needs a `.`: `1.5`, `.inf`); anything else, any
// quoted scalar and `!!str` are String. Dates stay String (PyYAML makes them dates: same text, same date).
struct ScalarValue {
  enum class Kind { Null, Bool, Int, Float, String };
  Kind kind = Kind::Null;
  bool boolean = false;
  int64_t integer = 0;
  double number = 0;
  std::string text;  // the scalar as written (every kind)
};
ScalarValue resolve_scalar(const YAML::Node& scalar);

// One policy as written in one file.
struct PolicyEntry {
  std::string name;
  ResourceName resource;
  std::string resource_written;  // as in the file ("ec2" or "aws.ec2")
  YAML::Node node;               // the policy mapping, aliases resolved (shared with their anchors)
  // The data in a canonical form: mapping keys sorted, plain scalars typed as YAML 1.1 resolves
  // them (so `true`/`True`/`yes` are one boolean, `1`/`01` one integer), quoted scalars strings.
  // Two policies have equal canonical forms exactly when Custodian loads equal data for them.
  std::string canonical;
  std::string canonical_body;  // the same without the `name` key (rename detection)
  lang::Span span;             // the first byte of the policy mapping
  lang::LineCol where;         // 1-based line:col of `span`
};

struct PolicyFile {
  std::string path;
  uint32_t file = 0;                  // its id in the SourceManager that holds the text
  std::vector<PolicyEntry> policies;  // in file order; a repeated name is kept (and warned, E0503)
  bool ok = false;                    // no errors (warnings allowed)
};

// `.yml` or `.yaml` (any case).
bool has_policy_extension(std::string_view path);
// A YAML file whose text has a top-level `policies` key: the cheap test for choosing which files
// of a repository to parse; parse_policy_text then says whether it really is a policy list.
bool is_policy_file(std::string_view path, std::string_view text);

// Reads `path` with loaders::read_input (so "-", BOMs and UTF-16 work as for every input), adds
// it to `sources` and parses it. An unreadable file is E0401. Diagnostics go to `sink`.
PolicyFile read_policy_file(const std::string& path, lang::SourceManager& sources, lang::DiagnosticSink& sink);

// As read_policy_file, from text in memory (a git blob); a leading UTF-8 BOM is dropped.
PolicyFile parse_policy_text(std::string path, std::string text, lang::SourceManager& sources,
                             lang::DiagnosticSink& sink);

// As parse_policy_text, for a file already in `sources` (rule files gathered with the DSL's).
PolicyFile parse_policy_source(const lang::SourceManager& sources, uint32_t file, lang::DiagnosticSink& sink);

// `policies:` followed by the given policies' data as YAML, a document `custodian run` accepts.
std::string policies_yaml(const std::vector<const PolicyEntry*>& policies);

}  // namespace edict::c7n
