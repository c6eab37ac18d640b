// Terraform plan JSON (FORMATS A.2-A.4): one resource per resource_changes[] entry, its attributes
// being change.after with the unknown leaves of change.after_unknown applied; then the data
// sources read during planning (prior_state), then the reference graph from `configuration`.
#include <algorithm>

#include "loaders/internal/json_value.h"
#include "loaders/internal/terraform.h"

namespace edict::loaders::internal {

namespace {

using simdjson::SUCCESS;
using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::element_type;
using simdjson::dom::object;

// Converts `after` while applying `after_unknown`: a `true` leaf there makes the value unknown,
// objects and arrays merge member- and element-wise. Unknown leaves are omitted from `after`
// (or null in arrays), so a key found only in after_unknown is inserted when it holds a `true`.
class UnknownMerger {
 public:
  explicit UnknownMerger(Arena& arena) : arena_(arena) {}

  // `after` may be null (absent).
  Value merge(const element* after, element unknown) {
    bool absent = after == nullptr || after->is_null();
    switch (unknown.type()) {
      case element_type::BOOL:
        if (unknown.get_bool().value_unsafe()) return Value::unknown();
        break;
      case element_type::OBJECT:
        if (!absent && after->is_object()) {
          return merge_object(after->get_object().value_unsafe(), unknown.get_object().value_unsafe());
        }
        break;
      case element_type::ARRAY:
        if (!absent && after->is_array()) {
          return merge_array(after->get_array().value_unsafe(), unknown.get_array().value_unsafe());
        }
        break;
      default: break;
    }
    if (absent) {
      Value built;
      if (build(unknown, built)) return built;
    }
    return after == nullptr ? Value::null() : to_value(arena_, *after);
  }

 private:
  struct Pending {
    Symbol key;
    element value;
    bool used;
  };

  Value merge_object(object after, object unknown) {
    // The unknown members go on a shared stack so that nested merges allocate nothing.
    size_t base = pending_.size();
    for (simdjson::dom::key_value_pair field : unknown) pending_.push_back({intern_key(field.key), field.value, false});
    size_t end = pending_.size();
    Member* members = arena_.make_array<Member>(after.size() + (end - base));
    size_t n = 0;
    for (simdjson::dom::key_value_pair field : after) {
      Symbol key = intern_key(field.key);
      size_t match = end;
      for (size_t i = base; i < end; ++i) {
        if (pending_[i].key == key && !pending_[i].used) {
          match = i;
          break;
        }
      }
      Value v;
      if (match == end) {
        v = to_value(arena_, field.value);
      } else {
        pending_[match].used = true;
        element u = pending_[match].value;  // copy: the recursion may grow pending_
        v = merge(&field.value, u);
      }
      members[n++] = {key, v};
    }
    for (size_t i = base; i < end; ++i) {
      Value built;
      if (!pending_[i].used && build(pending_[i].value, built)) members[n++] = {pending_[i].key, built};
    }
    pending_.resize(base);
    return Value::object(members, n);
  }

  Value merge_array(array after, array unknown) {
    size_t size = std::max(after.size(), unknown.size());
    Value* items = arena_.make_array<Value>(size);
    size_t n = 0;
    auto u = unknown.begin();
    for (element item : after) {
      if (u != unknown.end()) {
        items[n++] = merge(&item, *u);
        ++u;
      } else {
        items[n++] = to_value(arena_, item);
      }
    }
    // after_unknown longer than after: keep the tail only up to its last unknown leaf.
    size_t keep = n;
    for (; u != unknown.end(); ++u) {
      Value built;
      bool has = build(*u, built);
      items[n++] = has ? built : Value::null();
      if (has) keep = n;
    }
    return Value::list(items, keep);
  }

  // A value made from after_unknown alone: its `true` leaves become unknown, everything else is
  // left out (null inside arrays). Returns false when there is no `true` leaf at all.
  bool build(element unknown, Value& out) {
    switch (unknown.type()) {
      case element_type::BOOL:
        if (!unknown.get_bool().value_unsafe()) return false;
        out = Value::unknown();
        return true;
      case element_type::OBJECT: {
        object o = unknown.get_object().value_unsafe();
        Member* members = nullptr;  // allocated at the first unknown leaf
        size_t n = 0;
        for (simdjson::dom::key_value_pair field : o) {
          Value v;
          if (!build(field.value, v)) continue;
          if (members == nullptr) members = arena_.make_array<Member>(o.size());
          members[n++] = {intern_key(field.key), v};
        }
        if (members == nullptr) return false;
        out = Value::object(members, n);
        return true;
      }
      case element_type::ARRAY: {
        array a = unknown.get_array().value_unsafe();
        Value* items = nullptr;
        size_t i = 0;
        for (element item : a) {
          Value v;
          if (build(item, v)) {
            if (items == nullptr) {
              items = arena_.make_array<Value>(a.size());
              std::fill(items, items + a.size(), Value::null());
            }
            items[i] = v;
          }
          ++i;
        }
        if (items == nullptr) return false;
        out = Value::list(items, i);
        return true;
      }
      default: return false;
    }
  }

  Arena& arena_;
  std::vector<Pending> pending_;
};

// change.actions -> Action. A replace is two actions in either order; `forget` (TF 1.7+) removes
// the object from state without destroying it, which for checking is the same as a delete.
model::Action parse_actions(const LoadContext& ctx, element actions, const Where& where) {
  array list;
  if (actions.get(list) != SUCCESS) {
    throw InputError(ctx.name + ": " + where.str() + ": change.actions is not an array");
  }
  bool create = false, del = false, forget = false, update = false, read = false, noop = false;
  for (element a : list) {
    std::string_view s;
    if (a.get(s) != SUCCESS) continue;
    create |= s == "create";
    del |= s == "delete";
    forget |= s == "forget";
    update |= s == "update";
    read |= s == "read";
    noop |= s == "no-op";
  }
  using model::Action;
  if (create && (del || forget)) return Action::Replace;
  if (create) return Action::Create;
  if (del || forget) return Action::Delete;
  if (update) return Action::Update;
  if (read) return Action::Read;
  if (noop) return Action::NoOp;
  return Action::None;
}

void load_change(LoadContext& ctx, UnknownMerger& merger, element entry_element, size_t i) {
  Where where{"resource_changes", i};
  object entry;
  if (entry_element.get(entry) != SUCCESS) throw InputError(ctx.name + ": " + where.str() + " is not an object");
  EntryFields fields = read_entry_fields(ctx, entry, where);
  object change;
  if (entry["change"].get(change) != SUCCESS) throw InputError(ctx.name + ": " + where.str() + ": missing \"change\"");
  element actions;
  if (change["actions"].get(actions) != SUCCESS) {
    throw InputError(ctx.name + ": " + where.str() + ": missing \"change.actions\"");
  }
  model::Action action = parse_actions(ctx, actions, where);
  bool deposed = entry["deposed"].error() == SUCCESS;

  Value attrs;
  element after, unknown;
  bool has_after = change["after"].get(after) == SUCCESS && !after.is_null();
  if (action == model::Action::Delete || (deposed && !has_after)) {
    // Nothing exists after apply: what is being destroyed is `before`.
    element before;
    if (change["before"].get(before) == SUCCESS) attrs = to_value(ctx.set.arena(), before);
  } else if (change["after_unknown"].get(unknown) == SUCCESS) {
    attrs = merger.merge(has_after ? &after : nullptr, unknown);
  } else if (has_after) {
    attrs = to_value(ctx.set.arena(), after);
  }
  add_resource(ctx, fields, attrs, action, deposed);
}

// Data sources read while planning appear in prior_state only (not in resource_changes).
void load_prior_data_sources(LoadContext& ctx, object root) {
  object prior_module;
  if (root.at_pointer("/prior_state/values/root_module").get(prior_module) != SUCCESS) return;
  for_each_values_resource(prior_module, "prior_state.values.root_module", [&](object r, const Where& where) {
    std::string_view mode;
    if (r["mode"].get(mode) != SUCCESS || mode != "data") return;
    std::string_view address;
    if (r["address"].get(address) != SUCCESS || ctx.by_address.count(address) != 0) return;
    EntryFields fields = read_entry_fields(ctx, r, where);
    element values;
    Value attrs = r["values"].get(values) == SUCCESS ? to_value(ctx.set.arena(), values) : Value();
    add_resource(ctx, fields, attrs, model::Action::NoOp, false);
  });
}

}  // namespace

void load_terraform_plan(LoadContext& ctx, object root) {
  array changes;
  if (root["resource_changes"].get(changes) == SUCCESS) {
    UnknownMerger merger(ctx.set.arena());
    ctx.by_address.reserve(changes.size());
    ctx.graph.reserve(changes.size());
    size_t i = 0;
    for (element entry : changes) load_change(ctx, merger, entry, i++);
  } else {
    // No resource_changes (very old or hand-made plans): planned_values has the after values,
    // minus the unknown ones, and no actions.
    object planned;
    if (root.at_pointer("/planned_values/root_module").get(planned) == SUCCESS) {
      for_each_values_resource(planned, "planned_values.root_module", [&](object r, const Where& where) {
        EntryFields fields = read_entry_fields(ctx, r, where);
        element values;
        Value attrs = r["values"].get(values) == SUCCESS ? to_value(ctx.set.arena(), values) : Value();
        add_resource(ctx, fields, attrs, model::Action::None, r["deposed_key"].error() == SUCCESS);
      });
    }
  }
  load_prior_data_sources(ctx, root);
  object configuration;
  if (root["configuration"].get(configuration) == SUCCESS) add_reference_edges(ctx, configuration);
}

}  // namespace edict::loaders::internal
