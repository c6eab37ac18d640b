// Resource creation shared by the Terraform plan and state loaders: identifying fields, resources
// collected per input and committed to the set, and reading one values-representation resource.
#include <algorithm>
#include <charconv>

#include "loaders/internal/address.h"
#include "loaders/internal/terraform.h"

namespace edict::loaders::internal {

namespace {

enum : uint8_t { kAddress = 1, kType = 2, kName = 4, kMode = 8, kModule = 16, kIndex = 32 };

// A string field: its text, or empty when it is not a string (left unread).
std::string_view string_or_empty(od::value& v) {
  return type_of(v) == od::json_type::string ? string_text(v) : std::string_view();
}

// Renders an `index` field as it appears in an address: 0, or "a" with quotes and escapes.
std::string render_index(const EntryFields& f) {
  if (f.index_is_string) {
    std::string out = "\"";
    for (char c : f.index) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    return out + '"';
  }
  int64_t i = 0;
  auto [end, error] = std::from_chars(f.index.data(), f.index.data() + f.index.size(), i);
  if (error == std::errc() && end == f.index.data() + f.index.size()) return std::to_string(i);
  return std::string(f.index);  // any other JSON value, as written
}

}  // namespace

bool read_entry_field(EntryFields& f, std::string_view key, od::value value) {
  uint8_t bit = 0;
  std::string_view* target = nullptr;
  if (key == "address") {
    bit = kAddress;
  } else if (key == "type") {
    bit = kType, target = &f.type;
  } else if (key == "name") {
    bit = kName, target = &f.name;
  } else if (key == "mode") {
    bit = kMode, target = &f.mode;
  } else if (key == "module_address") {
    bit = kModule, target = &f.module_address;
  } else if (key == "index") {
    bit = kIndex;
  } else {
    return false;
  }
  if ((f.seen & bit) != 0) return true;  // a repeated key: the first one counts
  f.seen |= bit;
  if (target != nullptr) {
    *target = string_or_empty(value);
  } else if (bit == kAddress) {
    f.address = string_or_empty(value);
    f.has_address = !f.address.empty();
  } else {
    od::json_type type = type_of(value);
    if (type == od::json_type::null) return true;
    f.has_index = true;
    f.index_is_string = type == od::json_type::string;
    f.index = f.index_is_string ? string_text(value) : skip(value);
  }
  return true;
}

void require_address(const LoadContext& ctx, const EntryFields& f, const Where& where) {
  if (!f.has_address) throw InputError(ctx.name + ": " + where.str() + ": missing \"address\"");
}

model::Resource make_resource(LoadContext& ctx, const EntryFields& f, Value attrs, model::Action action, bool deposed) {
  Arena& arena = ctx.set.arena();
  model::Resource r;
  r.address = arena.copy(f.address);
  // Type, name, module path and index are all spelled inside the address: point into it.
  Address& parsed = ctx.address;
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
    r.index = arena.copy(render_index(f));
  }
  r.source = ctx.source;
  r.action = action;
  r.file = ctx.file;
  // `after: null` with `after_unknown: true` is a resource wholly unknown until apply: it stays
  // unknown (rules then give unknown), it is not an empty object (which would fail them).
  r.attrs = attrs.is_object() || attrs.is_unknown() ? attrs : Value::object(nullptr, 0);
  bool gone = deposed || action == model::Action::Delete;
  r.checked = gone ? false : (data ? ctx.opts.check_data_sources : true);
  return r;
}

uint32_t register_resource(LoadContext& ctx, const model::Resource& resource, bool deposed) {
  auto id = static_cast<uint32_t>(ctx.first_id + ctx.pending.size());
  ctx.pending.push_back(resource);
  model::Resource& r = ctx.pending.back();
  r.id = id;
  if (!deposed) ctx.by_address.emplace(r.address, id);
  if (!deposed && r.action != model::Action::Delete) ctx.graph.push_back(id);
  return id;
}

void commit(LoadContext& ctx) {
  uint32_t file = ctx.set.add_file(ctx.name);
  for (const model::Resource& r : ctx.pending) {
    model::Resource copy = r;
    copy.file = file;
    ctx.set.add(copy);
  }
  std::vector<model::Resource>().swap(ctx.pending);
}

void consumed(LoadContext& ctx, const char* position) {
  for (const char* kept : ctx.keeps) position = std::min(position, kept);
  ctx.input->release_before(position);
}

void ValuesWalker::read(od::object resource, size_t depth, ValuesResource& out) {
  bool seen_values = false;
  for (auto result : resource) {
    od::field field = take(std::move(result));
    std::string_view key = key_text(field);
    od::value value = field.value();
    if (read_entry_field(out.fields, key, value)) continue;
    if (key == "values" && !seen_values) {
      seen_values = true;
      if (want(out.fields, false)) {
        out.values = ctx.converter.convert(ctx.set.arena(), value, depth + 1);
        out.has_values = true;
      } else {
        out.values_span = skip(value);
      }
    } else if (key == "deposed_key") {
      out.fields.deposed = true;
    }
  }
  if (!out.values_span.empty() && want(out.fields, true)) {
    SpanReader reader(ctx.spans, out.values_span);
    out.values = ctx.converter.convert(ctx.set.arena(), reader.value(), depth + 1);
    out.has_values = true;
  }
}

}  // namespace edict::loaders::internal
