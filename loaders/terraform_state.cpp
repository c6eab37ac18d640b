// Terraform state JSON (`terraform show -json` of a state, FORMATS A.3): every resource of
// values.root_module and its child modules, as it exists now (action no-op, source "state").
#include "loaders/internal/json_value.h"
#include "loaders/internal/terraform.h"

namespace edict::loaders::internal {

void load_terraform_state(LoadContext& ctx, simdjson::dom::object root) {
  simdjson::dom::object module;
  if (root.at_pointer("/values/root_module").get(module) != simdjson::SUCCESS) return;  // an empty state
  for_each_values_resource(module, "values.root_module", [&](simdjson::dom::object r, const Where& where) {
    EntryFields fields = read_entry_fields(ctx, r, where);
    simdjson::dom::element values;
    Value attrs = r["values"].get(values) == simdjson::SUCCESS ? to_value(ctx.set.arena(), values) : Value();
    // A deposed object is an old instance waiting to be destroyed: readable, not checked.
    bool deposed = r["deposed_key"].error() == simdjson::SUCCESS;
    add_resource(ctx, fields, attrs, model::Action::NoOp, deposed);
  });
}

}  // namespace edict::loaders::internal
