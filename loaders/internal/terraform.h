// What the Terraform plan and state loaders share: the per-input load context, resource creation,
// the values-representation walker and the reference-graph entry point. Used by loaders/ only.
#pragma once

#include <simdjson.h>

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "loaders/loader.h"
#include "model/resource.h"

namespace edict::loaders::internal {

// State of one input while it is being loaded. Resource ids are known as soon as a resource is
// added, so the reference graph is built from this map without waiting for set.finish().
struct LoadContext {
  LoadContext(model::ResourceSet& s, const LoadOptions& o, const std::string& n, uint32_t f)
      : set(s), opts(o), name(n), file(f), first_id(static_cast<uint32_t>(s.resources().size())) {}
  model::ResourceSet& set;
  const LoadOptions& opts;
  const std::string& name;  // the input's name, for messages
  uint32_t file = 0;
  uint32_t first_id = 0;    // ids of this input's resources start here
  std::string_view source;  // "plan" or "state"
  // Every resource of this input by address (deposed objects excluded).
  std::unordered_map<std::string_view, uint32_t> by_address;
  // Resources that exist after apply, in input order: the ends of reference edges.
  std::vector<uint32_t> graph;
};

// The identifying fields of one resource entry (resource_changes[] or a values resource).
struct EntryFields {
  std::string_view address;
  std::string_view type;
  std::string_view name;
  std::string_view mode;            // "managed" or "data"; empty to take it from the address
  std::string_view module_address;  // empty: take it from the address
  simdjson::dom::element index;     // the `index` field, when present
  bool has_index = false;
};

// Where an entry is, for messages: `resource_changes[3]`. Rendered only when there is an error.
struct Where {
  std::string_view list;  // resource_changes, planned_values.root_module.child_modules[0].resources
  size_t index;
  std::string str() const { return std::string(list) + "[" + std::to_string(index) + "]"; }
};

// Reads the identifying fields of `entry`; throws InputError naming `where` when `address` is
// missing or not a string.
EntryFields read_entry_fields(const LoadContext& ctx, simdjson::dom::object entry, const Where& where);

// Adds one resource: copies its strings into the set's arena and records it in the context.
// `deposed` objects are kept (they are readable) but never checked and never joined.
uint32_t add_resource(LoadContext& ctx, const EntryFields& fields, Value attrs, model::Action action, bool deposed);

// Calls fn(resource, Where) for every resource of a values representation module
// (`planned_values.root_module`, state `values.root_module`), child modules included.
template <class Fn>
void for_each_values_resource(simdjson::dom::object module, const std::string& where, Fn&& fn);

// Loads `terraform show -json` output of a plan / of a state into ctx.set.
void load_terraform_plan(LoadContext& ctx, simdjson::dom::object root);
void load_terraform_state(LoadContext& ctx, simdjson::dom::object root);

// Adds the reference edges that `configuration` describes (FORMATS A.7) between the resources
// in ctx.graph.
void add_reference_edges(LoadContext& ctx, simdjson::dom::object configuration);

// ---- template implementation ----

template <class Fn>
void for_each_values_resource(simdjson::dom::object module, const std::string& where, Fn&& fn) {
  simdjson::dom::array resources;
  if (module["resources"].get(resources) == simdjson::SUCCESS) {
    std::string list = where + ".resources";
    size_t i = 0;
    for (simdjson::dom::element r : resources) {
      simdjson::dom::object object;
      if (r.get(object) == simdjson::SUCCESS) fn(object, Where{list, i});
      ++i;
    }
  }
  simdjson::dom::array children;
  if (module["child_modules"].get(children) == simdjson::SUCCESS) {
    size_t i = 0;
    for (simdjson::dom::element c : children) {
      simdjson::dom::object child;
      // Recursion depth is bounded by the parser's nesting limit.
      if (c.get(child) == simdjson::SUCCESS) {
        for_each_values_resource(child, where + ".child_modules[" + std::to_string(i) + "]", fn);
      }
      ++i;
    }
  }
}

}  // namespace edict::loaders::internal
