// The normalized resource model: every loader (plan, state, snapshots) produces a ResourceSet of
// one shape; the VM reads it. Made by loaders/, used by vm/ and the reports.
// Joins read model::JoinIndex (model/joins.h), built from the finished set.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "vm/value.h"

namespace edict::model {

enum class Mode : uint8_t { Managed, Data };
enum class Action : uint8_t { Create, Update, Replace, Delete, NoOp, Read, None };

std::string_view action_name(Action a);
std::string_view mode_name(Mode m);

// One resource instance. Strings point into the owning ResourceSet's arena.
struct Resource {
  std::string_view address;      // module.db.aws_db_instance.this[0]; ARN or id for snapshots
  std::string_view type;         // canonical (Terraform AWS provider) type name
  std::string_view name;         // the name in `type.name`
  std::string_view module_path;  // module.db (empty for the root module)
  std::string_view index;        // instance key as written in the address: 0 or "a" (empty if none)
  std::string_view source;       // plan, state, config, custodian
  Mode mode = Mode::Managed;
  Action action = Action::None;
  uint32_t file = 0;  // index into ResourceSet::files
  uint32_t id = 0;    // index into ResourceSet::resources
  Value attrs;        // an Object; unknown leaves are Value::unknown()
  // Whether this resource is checked by rules (false for deletes and, by default, data sources).
  bool checked = true;
};

// A reference edge: `from`'s attribute (dotted path without indices, e.g. "bucket" or
// "rule.apply_server_side_encryption_by_default.kms_master_key_id") refers to `to`.
struct Edge {
  uint32_t from;
  Symbol path;
  uint32_t to;
};

// Everything one run reads, normalized. Owns the arena that all resource values live in.
class ResourceSet {
 public:
  ResourceSet();
  ResourceSet(const ResourceSet&) = delete;
  ResourceSet& operator=(const ResourceSet&) = delete;
  ResourceSet(ResourceSet&&) = default;
  ResourceSet& operator=(ResourceSet&&) = default;

  Arena& arena() { return *arena_; }

  // Adds a resource (its strings must already live in arena()) and returns its id.
  uint32_t add(Resource r);
  uint32_t add_file(std::string path);
  void add_edge(uint32_t from, Symbol path, uint32_t to);
  // Indexes by address, type and identity; call once after all resources and edges are added.
  // After it the set is immutable: evaluation reads it through const references only, from
  // several threads at once (engine::EvalOptions::jobs), so no member may build state lazily.
  void finish();

  const std::vector<Resource>& resources() const { return resources_; }
  Resource& resource(uint32_t id) { return resources_[id]; }
  const std::vector<std::string>& files() const { return files_; }
  const std::vector<Edge>& edges() const { return edges_; }

  // All resources of a type and mode (in input order), including unchecked ones.
  const std::vector<uint32_t>& of_type(std::string_view type, Mode mode = Mode::Managed) const;
  const Resource* by_address(std::string_view address) const;
  // Edge targets from resource `from` at `path` (or any path when path is empty).
  std::vector<uint32_t> targets(uint32_t from, Symbol path) const;
  std::vector<uint32_t> targets(uint32_t from) const;
  // Resources whose identity (id, arn, name-like keys) equals `s`: used to join literal values.
  const std::vector<uint32_t>& by_identity(std::string_view s) const;
  // Whether some edge from `from` at `path` exists at all (resolved or not).
  bool has_edges(uint32_t from, Symbol path) const;

  // Which resources refer to a target (joins): model::JoinIndex, built from the finished set.

  // Resources of `type` that `from`'s attribute `path` refers to, by edge or by identity value.
  // Sets `ambiguous` when the value is unknown with no reference: it might be any of them.
  std::vector<uint32_t> referenced(uint32_t from, std::string_view type, Symbol path, bool& ambiguous) const;

  // Counts the loader wants reported (skipped entries, unknown types, ...), in order.
  std::vector<std::pair<std::string, std::string>> notes;

 private:
  std::unique_ptr<Arena> arena_;
  std::vector<Resource> resources_;
  std::vector<std::string> files_;
  std::vector<Edge> edges_;  // sorted by (from, path) in finish()
  std::unordered_map<std::string_view, const Resource*> by_address_;
  std::unordered_map<std::string, std::vector<uint32_t>> by_type_[2];
  std::unordered_map<std::string_view, std::vector<uint32_t>> by_identity_;
};

// Follows a dotted attribute path through objects (and the first element of lists).
const Value* find_path(const Value& root, std::string_view path);

// Identity strings of a resource that literal references may use: id, arn, and for buckets the
// bucket name. Used for value-based joins when the configuration has no reference.
std::vector<std::string_view> identities(const Resource& r);

}  // namespace edict::model
