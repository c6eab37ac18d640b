// Resource creation shared by the Terraform plan and state loaders.
#include <cstdio>

#include "loaders/internal/address.h"
#include "loaders/internal/terraform.h"

namespace edict::loaders::internal {

namespace {

std::string_view string_field(simdjson::dom::object entry, std::string_view key) {
  std::string_view s;
  return entry[key].get(s) == simdjson::SUCCESS ? s : std::string_view();
}

// Renders an `index` field as it appears in an address: 0, or "a" with quotes and escapes.
std::string render_index(simdjson::dom::element index) {
  std::string_view s;
  if (index.get(s) == simdjson::SUCCESS) {
    std::string out = "\"";
    for (char c : s) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    return out + '"';
  }
  int64_t i = 0;
  if (index.get(i) == simdjson::SUCCESS) return std::to_string(i);
  return simdjson::to_string(index);
}

}  // namespace

EntryFields read_entry_fields(const LoadContext& ctx, simdjson::dom::object entry, const Where& where) {
  EntryFields f;
  if (entry["address"].get(f.address) != simdjson::SUCCESS || f.address.empty()) {
    throw InputError(ctx.name + ": " + where.str() + ": missing \"address\"");
  }
  f.type = string_field(entry, "type");
  f.name = string_field(entry, "name");
  f.mode = string_field(entry, "mode");
  f.module_address = string_field(entry, "module_address");
  f.has_index = entry["index"].get(f.index) == simdjson::SUCCESS && !f.index.is_null();
  return f;
}

uint32_t add_resource(LoadContext& ctx, const EntryFields& f, Value attrs, model::Action action, bool deposed) {
  Arena& arena = ctx.set.arena();
  model::Resource r;
  r.address = arena.copy(f.address);
  // Type, name, module path and index are all spelled inside the address: point into it.
  Address parsed;
  bool ok = parse_address(r.address, parsed);
  r.type = ok && (f.type.empty() || f.type == parsed.type) ? parsed.type : arena.copy(f.type);
  r.name = ok && (f.name.empty() || f.name == parsed.name) ? parsed.name : arena.copy(f.name);
  bool data = f.mode.empty() ? ok && parsed.data : f.mode == "data";
  r.mode = data ? model::Mode::Data : model::Mode::Managed;
  std::string_view module_prefix;
  if (ok && !parsed.modules.empty()) {
    size_t resource_start = static_cast<size_t>(parsed.type.data() - r.address.data()) - (parsed.data ? 5 : 0);
    module_prefix = r.address.substr(0, resource_start - 1);
  }
  r.module_path =
      f.module_address.empty() || f.module_address == module_prefix ? module_prefix : arena.copy(f.module_address);
  if (ok && parsed.has_index) {
    r.index = parsed.index;
  } else if (f.has_index) {
    r.index = arena.copy(render_index(f.index));
  }
  r.source = ctx.source;
  r.action = action;
  r.file = ctx.file;
  r.attrs = attrs.is_object() ? attrs : Value::object(nullptr, 0);
  bool gone = deposed || action == model::Action::Delete;
  r.checked = gone ? false : (data ? ctx.opts.check_data_sources : true);
  uint32_t id = ctx.set.add(r);
  if (!deposed) ctx.by_address.emplace(r.address, id);
  if (!gone) ctx.graph.push_back(id);
  return id;
}

}  // namespace edict::loaders::internal
