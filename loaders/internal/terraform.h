// What the Terraform plan and state loaders share: the per-input load context, resource creation,
// the values-representation walker and the reference-graph entry point. Used by loaders/ only.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "loaders/internal/address.h"
#include "loaders/internal/input.h"
#include "loaders/internal/ondemand.h"
#include "loaders/internal/string_index.h"
#include "loaders/loader.h"
#include "model/resource.h"

namespace edict::loaders::internal {

// State of one input while it is being loaded. Its resources are collected in `pending` and
// added to the set by commit() once the whole document has been read and checked; their ids are
// known from the start, so the reference graph is built from by_address and graph.
struct LoadContext {
  LoadContext(model::ResourceSet& s, const LoadOptions& o, const std::string& n)
      : set(s),
        opts(o),
        name(n),
        file(static_cast<uint32_t>(s.files().size())),
        first_id(static_cast<uint32_t>(s.resources().size())) {}
  model::ResourceSet& set;
  const LoadOptions& opts;
  const std::string& name;  // the input's name, for messages
  uint32_t file = 0;        // the index add_file() will give it
  uint32_t first_id = 0;    // ids of this input's resources start here
  std::string_view source;  // "plan" or "state"
  std::vector<model::Resource> pending;
  // Every resource of this input by address (deposed objects excluded).
  StringIndex by_address;
  // Resources that exist after apply, in input order: the ends of reference edges.
  std::vector<uint32_t> graph;
  // `configuration`, reduced to what reference resolution reads (see config_tree.cpp).
  Arena config_arena{1 << 12};
  Value configuration;
  Input* input = nullptr;             // the text being read (consumed() gives its pages back)
  std::vector<const char*> keeps;     // starts of text kept for reading again (KeepText)
  Arena scratch{1 << 12};             // per-entry temporaries (after_unknown)
  std::vector<Member> after_members;  // the members of the current change.after
  Address address;                    // reused by make_resource()
  Converter converter;
  SpanParsers spans;
};

// The reader is at `position` and will not go back before it (except into text a KeepText
// holds): the input's pages before it can be given back.
void consumed(LoadContext& ctx, const char* position);

// Holds text kept by skip() to be read again later, so that consumed() does not give it back.
// Holders nest (the innermost is dropped first).
class KeepText {
 public:
  explicit KeepText(LoadContext& ctx) : ctx_(ctx) {}
  ~KeepText() { drop(); }
  KeepText(const KeepText&) = delete;
  KeepText& operator=(const KeepText&) = delete;
  void hold(std::string_view text) {
    drop();
    if (text.empty()) return;
    ctx_.keeps.push_back(text.data());
    held_ = true;
  }
  void drop() {
    if (held_) ctx_.keeps.pop_back();
    held_ = false;
  }

 private:
  LoadContext& ctx_;
  bool held_ = false;
};

// The identifying fields of one resource entry (resource_changes[] or a values resource). The
// views are valid while the parser that read them lives.
struct EntryFields {
  std::string_view address;
  std::string_view type;
  std::string_view name;
  std::string_view mode;            // "managed" or "data"; empty to take it from the address
  std::string_view module_address;  // empty: take it from the address
  std::string_view index;           // the `index` field: unescaped when a string, else JSON text
  bool has_address = false;
  bool has_index = false;
  bool index_is_string = false;
  bool deposed = false;  // a "deposed" (resource_changes) or "deposed_key" (values) key is present
  uint8_t seen = 0;      // which identifying keys were met (read_entry_field)
};

// Where an entry is, for messages: `resource_changes[3]`. Rendered only when there is an error.
struct Where {
  std::string_view list;  // resource_changes, planned_values.root_module.child_modules[0].resources
  size_t index;
  std::string str() const { return std::string(list) + "[" + std::to_string(index) + "]"; }
};

// Reads `value` into `f` when `key` is one of the identifying fields (address, type, name, mode,
// module_address, index; the first of each counts); returns false for other keys.
bool read_entry_field(EntryFields& f, std::string_view key, od::value value);

// Throws InputError naming `where` when the entry had no non-empty string `address`.
void require_address(const LoadContext& ctx, const EntryFields& f, const Where& where);

// Makes one resource, its strings copied into the set's arena; `deposed` objects are kept (they
// are readable) but never checked and never joined. register_resource() adds it to the input.
model::Resource make_resource(LoadContext& ctx, const EntryFields& fields, Value attrs, model::Action action,
                              bool deposed);
uint32_t register_resource(LoadContext& ctx, const model::Resource& r, bool deposed);
inline uint32_t add_resource(LoadContext& ctx, const EntryFields& fields, Value attrs, model::Action action,
                             bool deposed) {
  return register_resource(ctx, make_resource(ctx, fields, attrs, action, deposed), deposed);
}

// Adds the file and the pending resources to the set.
void commit(LoadContext& ctx);

// A resource of a values representation, read: its fields, its `values` converted (has_values)
// or only kept as text (values_span) when `want` could not decide yet.
struct ValuesResource {
  EntryFields fields;
  Value values;
  bool has_values = false;
  std::string_view values_span;  // set when `values` was skipped before the fields were known
};

// Calls fn(ValuesResource&, const Where&) for every resource object of a values-representation
// module (`planned_values.root_module`, state `values.root_module`), child modules included, in
// document order with each module's resources before its children. `want(fields)` says whether
// a resource's values are needed; it is asked when `values` is met, with the fields read so far
// (`fields_complete` false), and again at the end of the resource when `values` was skipped.
struct ValuesWalker {
  LoadContext& ctx;
  bool (*want)(const EntryFields& fields, bool fields_complete);
  template <class Fn>
  void walk(od::value module, const std::string& where, size_t depth, Fn&& fn);
  void read(od::object resource, size_t depth, ValuesResource& out);
};

// Loads the `values` of a state (`terraform show -json` of a state) into ctx: every resource of
// values.root_module and its child modules. Returns whether `values` had a root_module.
bool load_state_values(LoadContext& ctx, od::value values, size_t depth);

// The parts of a plan: resource_changes[], prior_state (its data sources, registered after the
// other resources), planned_values.root_module (when there is no resource_changes).
void load_resource_changes(LoadContext& ctx, od::array changes, size_t depth);
void load_prior_state(LoadContext& ctx, od::value prior_state, size_t depth, std::vector<model::Resource>& out);
void load_planned_values(LoadContext& ctx, od::value planned_values, size_t depth);

// Loads one `terraform show -json` document (plan or state) into ctx.set: reads it forward once,
// checks its format, adds its resources and the reference graph. Frees `input` before the graph
// is built. Throws JsonFault (to be located in the text) or InputError.
Format load_terraform(LoadContext& ctx, Input& input, od::document& doc);

// Reduces `configuration` to what reference resolution reads, into ctx.configuration.
void read_configuration(LoadContext& ctx, od::value configuration, size_t depth);

// Adds the reference edges that ctx.configuration describes (FORMATS A.7) between the resources
// in ctx.graph (after commit()).
void add_reference_edges(LoadContext& ctx);

// Marks the unknown values in a planned resource's attributes as set or left out by its
// configuration block's `expressions` (nullptr: the block sets nothing). See configured.cpp.
void mark_configured(model::Resource& r, const Value* expressions);

// ---- template implementation ----

template <class Fn>
void ValuesWalker::walk(od::value module, const std::string& where, size_t depth, Fn&& fn) {
  if (type_of(module) != od::json_type::object) return;
  check_depth(depth, module);
  std::string list = where + ".resources";
  std::string_view children_span;  // child_modules met before resources: read them at the end
  KeepText keep(ctx);
  bool resources_done = false;
  auto children = [&](od::value value, size_t d) {
    if (type_of(value) != od::json_type::array) return;
    check_depth(d, value);
    size_t i = 0;
    for (auto item : take(value.get_array())) {
      // Recursion depth is bounded by the nesting limit.
      walk(take(std::move(item)), where + ".child_modules[" + std::to_string(i++) + "]", d + 1, fn);
    }
  };
  bool seen_resources = false, seen_children = false;
  for (auto result : take(module.get_object())) {
    od::field field = take(std::move(result));
    std::string_view key = key_text(field);
    od::value value = field.value();
    if (key == "resources" && !seen_resources) {
      seen_resources = true;
      if (type_of(value) != od::json_type::array) continue;
      check_depth(depth + 1, value);
      size_t i = 0;
      for (auto item : take(value.get_array())) {
        od::value r = take(std::move(item));
        consumed(ctx, r.raw_json_token().data());
        if (type_of(r) == od::json_type::object) {
          check_depth(depth + 2, r);
          ValuesResource resource;
          read(take(r.get_object()), depth + 2, resource);
          fn(resource, Where{list, i});
        }
        ++i;
      }
      resources_done = true;
    } else if (key == "child_modules" && !seen_children) {
      seen_children = true;
      if (resources_done) {
        children(value, depth + 1);
      } else {
        children_span = skip(value);
        keep.hold(children_span);
      }
    }
  }
  if (!children_span.empty()) {
    SpanReader reader(ctx.spans, children_span);
    children(reader.value(), depth + 1);
  }
}

}  // namespace edict::loaders::internal
