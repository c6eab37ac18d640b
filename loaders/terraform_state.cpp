// Terraform state JSON (`terraform show -json` of a state, FORMATS A.3): every resource of
// values.root_module and its child modules, as it exists now (action no-op, source "state").
#include "loaders/internal/terraform.h"

namespace edict::loaders::internal {

namespace {

bool want_all(const EntryFields&, bool) { return true; }

}  // namespace

bool load_state_values(LoadContext& ctx, od::value values, size_t depth) {
  if (type_of(values) != od::json_type::object) return false;
  check_depth(depth, values);
  for (auto result : take(values.get_object())) {
    od::field field = take(std::move(result));
    if (key_text(field) != "root_module") continue;
    ValuesWalker walker{ctx, want_all};
    walker.walk(field.value(), "values.root_module", depth + 1, [&](ValuesResource& r, const Where& where) {
      require_address(ctx, r.fields, where);
      // A deposed object is an old instance waiting to be destroyed: readable, not checked.
      add_resource(ctx, r.fields, r.values, model::Action::NoOp, r.fields.deposed);
    });
    return true;  // the first root_module counts; null or not an object is an empty state
  }
  return false;
}

}  // namespace edict::loaders::internal
