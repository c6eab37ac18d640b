// Terraform plan JSON (FORMATS A.2-A.4), read forward with simdjson On-Demand: one resource per
// resource_changes[] entry, its attributes being change.after with the unknown leaves of
// change.after_unknown applied (or change.before for deletes); the data sources read during
// planning (prior_state); planned_values when there is no resource_changes. Everything else
// (before of non-deletes, *_sensitive, prior managed resources, ...) is skipped unread.
#include "loaders/internal/after_unknown.h"
#include "loaders/internal/terraform.h"

namespace edict::loaders::internal {

namespace {

// change.actions -> Action. A replace is two actions in either order; `forget` (TF 1.7+) removes
// the object from state without destroying it, which for checking is the same as a delete.
model::Action parse_actions(od::array list) {
  bool create = false, del = false, forget = false, update = false, read = false, noop = false;
  for (auto item : list) {
    od::value a = take(std::move(item));
    if (type_of(a) != od::json_type::string) continue;
    std::string_view s = string_text(a);
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

// What one `change` object holds, read in any key order. `before` is converted only when it is
// known to be needed (a delete); otherwise its text is kept, in case it turns out to be.
struct Change {
  bool has_actions = false, actions_array = false;
  model::Action action = model::Action::None;
  bool has_before = false, before_read = false;
  Value before;
  std::string_view before_span;
  bool has_after = false;  // present and not null
  Value after;
  bool after_object = false;  // then its members are in after_members, the object not made yet
  std::vector<Member>* after_members = nullptr;
  bool has_unknown = false;
  Value unknown;  // in ctx.scratch
};

void read_change(LoadContext& ctx, od::object change, size_t depth, Change& c) {
  bool seen_before = false, seen_after = false;
  for (auto result : change) {
    od::field field = take(std::move(result));
    std::string_view key = key_text(field);
    od::value value = field.value();
    bool known_delete = c.has_actions && c.action == model::Action::Delete;
    // A key given twice is an error, located by the second pass (readers disagree on which counts).
    if ((key == "actions" && c.has_actions) || (key == "before" && seen_before) || (key == "after" && seen_after) ||
        (key == "after_unknown" && c.has_unknown)) {
      throw JsonFault{simdjson::TAPE_ERROR, key.data(), "duplicate key in an object"};
    }
    if (key == "actions") {
      c.has_actions = true;
      if (type_of(value) == od::json_type::array) {
        c.actions_array = true;
        check_depth(depth, value);
        c.action = parse_actions(take(value.get_array()));
      }
    } else if (key == "before") {
      seen_before = c.has_before = true;
      od::json_type type = type_of(value);
      bool container = type == od::json_type::object || type == od::json_type::array;
      if (known_delete || !container) {
        c.before = ctx.converter.convert(ctx.set.arena(), value, depth);
        c.before_read = true;
      } else {
        c.before_span = skip(value);
      }
    } else if (key == "after") {
      seen_after = true;
      if (type_of(value) == od::json_type::null) continue;
      c.has_after = true;
      if (known_delete) continue;
      if (type_of(value) == od::json_type::object) {
        // Its members wait in a vector: after_unknown usually adds some (id, arn, ...).
        c.after_object = true;
        ctx.converter.members(ctx.set.arena(), value, depth, *c.after_members);
      } else {
        c.after = ctx.converter.convert(ctx.set.arena(), value, depth);
      }
    } else if (key == "after_unknown") {
      c.has_unknown = true;
      if (!known_delete) c.unknown = ctx.converter.convert(ctx.scratch, value, depth);
    }
  }
}

void load_change(LoadContext& ctx, UnknownMerger& merger, od::value entry_value, size_t i, size_t depth) {
  Where where{"resource_changes", i};
  if (type_of(entry_value) != od::json_type::object) {
    throw InputError(ctx.name + ": " + where.str() + " is not an object");
  }
  check_depth(depth, entry_value);
  EntryFields fields;
  Change c;
  ctx.after_members.clear();
  c.after_members = &ctx.after_members;
  bool has_change = false, change_object = false;
  for (auto result : take(entry_value.get_object())) {
    od::field field = take(std::move(result));
    std::string_view key = key_text(field);
    od::value value = field.value();
    if (read_entry_field(fields, key, value)) continue;
    if (key == "change" && !has_change) {
      has_change = true;
      if (type_of(value) != od::json_type::object) continue;
      change_object = true;
      check_depth(depth + 1, value);
      read_change(ctx, take(value.get_object()), depth + 2, c);
    } else if (key == "deposed") {
      fields.deposed = true;
    }
  }
  require_address(ctx, fields, where);
  if (!change_object) throw InputError(ctx.name + ": " + where.str() + ": missing \"change\"");
  if (!c.has_actions) throw InputError(ctx.name + ": " + where.str() + ": missing \"change.actions\"");
  if (!c.actions_array) throw InputError(ctx.name + ": " + where.str() + ": change.actions is not an array");

  Value attrs;
  if (c.action == model::Action::Delete || (fields.deposed && !c.has_after)) {
    // Nothing exists after apply: what is being destroyed is `before`.
    if (c.has_before && !c.before_read) {
      SpanReader reader(ctx.spans, c.before_span);
      c.before = ctx.converter.convert(ctx.set.arena(), reader.value(), depth + 2);
    }
    attrs = c.before;
  } else if (c.after_object && c.has_unknown && c.unknown.is_object()) {
    merger.merge_members(ctx.after_members, c.unknown);
    attrs = Converter::object(ctx.set.arena(), ctx.after_members);
  } else {
    if (c.after_object) c.after = Converter::object(ctx.set.arena(), ctx.after_members);
    if (c.has_unknown) {
      attrs = merger.merge(c.has_after ? &c.after : nullptr, c.unknown);
    } else if (c.has_after) {
      attrs = c.after;
    }
  }
  add_resource(ctx, fields, attrs, c.action, fields.deposed);
  ctx.scratch.reset();
}

bool want_all(const EntryFields&, bool) { return true; }

// prior_state resources: only data sources are read (their mode must be known to read values).
bool want_data(const EntryFields& f, bool) { return f.mode == "data"; }

}  // namespace

void load_resource_changes(LoadContext& ctx, od::array changes, size_t depth) {
  UnknownMerger merger(ctx.set.arena());
  size_t i = 0;
  for (auto item : changes) {
    od::value entry = take(std::move(item));
    consumed(ctx, entry.raw_json_token().data());
    load_change(ctx, merger, entry, i, depth);
    ++i;
  }
}

// Data sources read while planning appear in prior_state only (not in resource_changes): they are
// made here and registered after all other resources, unless one has the same address.
void load_prior_state(LoadContext& ctx, od::value prior_state, size_t depth, std::vector<model::Resource>& out) {
  if (type_of(prior_state) != od::json_type::object) return;
  check_depth(depth, prior_state);
  for (auto result : take(prior_state.get_object())) {
    od::field field = take(std::move(result));
    if (key_text(field) != "values") continue;
    od::value values = field.value();
    if (type_of(values) != od::json_type::object) return;
    check_depth(depth + 1, values);
    for (auto inner : take(values.get_object())) {
      od::field f = take(std::move(inner));
      if (key_text(f) != "root_module") continue;
      ValuesWalker walker{ctx, want_data};
      walker.walk(f.value(), "prior_state.values.root_module", depth + 2, [&](ValuesResource& r, const Where&) {
        if (r.fields.mode != "data" || !r.fields.has_address) return;
        out.push_back(make_resource(ctx, r.fields, r.values, model::Action::NoOp, false));
      });
      return;  // the first root_module counts
    }
    return;
  }
}

// No resource_changes (very old or hand-made plans): planned_values has the after values, minus
// the unknown ones, and no actions.
void load_planned_values(LoadContext& ctx, od::value planned_values, size_t depth) {
  if (type_of(planned_values) != od::json_type::object) return;
  check_depth(depth, planned_values);
  for (auto result : take(planned_values.get_object())) {
    od::field field = take(std::move(result));
    if (key_text(field) != "root_module") continue;
    ValuesWalker walker{ctx, want_all};
    walker.walk(field.value(), "planned_values.root_module", depth + 1, [&](ValuesResource& r, const Where& where) {
      require_address(ctx, r.fields, where);
      add_resource(ctx, r.fields, r.values, model::Action::None, r.fields.deposed);
    });
    return;
  }
}

}  // namespace edict::loaders::internal
