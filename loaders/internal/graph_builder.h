// The reference-graph builder (FORMATS A.7): references.cpp walks the configuration and resolves
// references to configuration resources; graph_link.cpp indexes the instances and adds the edges.
// Used by loaders/ only.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "loaders/internal/address.h"
#include "loaders/internal/terraform.h"

namespace edict::loaders::internal {

// Hops through variables and module outputs followed for one attribute; cycles stop earlier.
constexpr int kMaxHops = 64;

// A module of the configuration tree.
struct ConfigModule {
  std::string path;                     // module.a.module.b ("" for the root)
  std::vector<std::string_view> names;  // the call names from the root: {a, b}
  int parent = -1;
  const Value* body = nullptr;  // resources, outputs, module_calls
  const Value* call = nullptr;  // the module_calls entry in the parent (not set for the root)
  bool keyed = false;           // the call has count or for_each, so its instances have keys
  std::unordered_map<std::string_view, int> children;
};

// What is known about the instance key of one module level on the way to a target.
struct KeyReq {
  enum class Kind : uint8_t {
    Inherit,  // the same as the referring instance's key at this level
    None,     // the call has no count/for_each: no key
    Literal,  // named in the reference: module.m["a"].out
    Any,      // unknown: any instance
  };
  Kind kind;
  std::string_view literal;
};

// A configuration resource some attribute refers to, with what narrows its instances.
struct Target {
  int module;
  std::string_view resource;  // [data.]type.name (a prefix of the reference text)
  uint32_t first_key;         // keys_used_[first_key, +depth of `module`): one per module level
  std::string_view index;     // named in the reference: aws_s3_bucket.b[0]
  bool has_index = false;
  bool align = false;       // prefer the referring instance's own index (count.index, each.key)
  bool exact_only = false;  // only the instance with the referring instance's own index
};

// An instance that can be joined: its id and the parts of its address that matter.
struct Instance {
  uint32_t id;
  uint32_t first_module;  // steps_[first_module, +module_count): module calls with their keys
  uint32_t module_count;
  std::string_view index;
  bool has_index;
};

constexpr uint32_t kEnd = UINT32_MAX;

class GraphBuilder {
 public:
  explicit GraphBuilder(LoadContext& ctx) : ctx_(ctx) {}
  // Adds the edges `configuration` (config_tree.cpp) describes between the instances of ctx.graph.
  void build(const Value& configuration);

 private:
  int add_module(const Value* body, int parent, std::string_view call_name, const Value* call);

  // Lists of instances by configuration key and by module instance + resource are linked
  // through next_* arrays: one hash entry per list, no vector per key.
  void index_instances();

  static void link_list(StringIndex& heads, std::vector<uint32_t>& next, std::string_view key, uint32_t at);

  // Resolves every attribute of every configuration resource of module `m` and adds the edges.
  void link_module(int m);

  // Calls fn(dotted path, references) for every expression with references in a block, nested
  // blocks included (a list of blocks is an array of block objects; indices are not in the path).
  template <class Fn>
  void walk(const Value& block, std::string& path, const Fn& fn);

  void link_attribute(int m, uint32_t first_source, const std::string& attr, const Value& refs,
                      const Value* for_each_refs);

  void resolve(int m, std::string_view ref, std::vector<KeyReq>& keys, int budget, bool align, bool exact_only);

  // `name_step` is the step naming the resource: the target is the reference text up to it.
  void add_target(int m, std::string_view ref, const Step& name_step, const std::vector<KeyReq>& keys, bool align,
                  bool exact_only);

  // Guards against cycles (a variable fed by an output that reads the same variable).
  bool first_visit(int m, std::string_view ref, const std::vector<KeyReq>& keys);

  const Step& source_module(const Instance& source, size_t level) const;

  // Adds the edges from one referring instance to the instances of target `t`.
  void link(const Instance& source, Symbol path, const Target& t);

  // The slow path, when some module level's key is unknown: filters the instances of the
  // target's configuration resource.
  void filter(const Instance& source, Symbol path, const Target& t, std::string_view want, bool has_want);

  bool in_graph(uint32_t id) const;

  void edge(uint32_t from, Symbol path, uint32_t to);

  LoadContext& ctx_;
  std::vector<ConfigModule> modules_;
  // The joinable instances and their indexes.
  std::vector<Instance> instances_;
  std::vector<Step> steps_;
  std::vector<char> in_graph_;  // by id - ctx_.first_id
  Arena keys_;                  // the configuration keys' text
  StringIndex by_config_key_;   // -> first instance; next_in_key_
  std::vector<uint32_t> next_in_key_;
  StringIndex by_group_;  // "module instance path.resource"
  std::vector<uint32_t> next_in_group_;
  // Per attribute being resolved:
  std::vector<Target> targets_;
  std::vector<KeyReq> keys_used_;
  std::vector<KeyReq> keys_stack_;
  std::unordered_set<std::string> visited_;
  bool saw_local_ = false;
  size_t unresolved_locals_ = 0;
  // Reused text buffers.
  std::string key_buffer_, path_buffer_, group_buffer_;
  std::vector<std::string_view> refs_buffer_;  // resolve() uses its own lists, never this one
};

}  // namespace edict::loaders::internal
