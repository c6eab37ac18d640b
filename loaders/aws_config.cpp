// AWS Config loader: single configuration items in both naming dialects (API and delivery),
// snapshot/history files (`configurationItems`), select-resource-config output and rule events,
// normalized through the mapping tables into canonical resources with `source: config`.
#include <map>
#include <span>
#include <unordered_map>
#include <vector>

#include "loaders/internal/live.h"
#include "loaders/internal/ondemand.h"
#include "loaders/json.h"

namespace edict::loaders::internal {

namespace {

const Value* get(const Value& o, std::string_view a, std::string_view b = {}) {
  if (!o.is_object()) return nullptr;
  const Value* v = o.find(a);
  if ((!v || v->is_null()) && !b.empty()) v = o.find(b);
  return v && !v->is_null() ? v : nullptr;
}

// A JSON string becomes its value (twice for the double-encoded ACL); other values stay.
Value decoded(Arena& arena, const Value& v) {
  Value out = v;
  for (int i = 0; i < 2 && out.is_string(); ++i) {
    Value d = decode_embedded(arena, out.as_string());
    if (d.is_null()) break;
    out = d;
  }
  return out;
}

// One CI in either dialect -> one object with the API-dialect names and decoded contents.
Value normalize_ci(Arena& arena, const Value& ci) {
  std::vector<Member> m;
  auto put = [&](std::string_view key, const Value* v) {
    if (v) m.push_back({intern(key), *v});
  };
  put("resourceType", get(ci, "resourceType"));
  put("resourceId", get(ci, "resourceId"));
  put("resourceName", get(ci, "resourceName"));
  put("arn", get(ci, "arn", "ARN"));
  put("awsRegion", get(ci, "awsRegion"));
  put("accountId", get(ci, "accountId", "awsAccountId"));
  put("configurationItemStatus", get(ci, "configurationItemStatus"));
  put("configurationItemCaptureTime", get(ci, "configurationItemCaptureTime"));
  put("availabilityZone", get(ci, "availabilityZone", "availibilityZone"));
  put("tags", get(ci, "tags"));
  put("relationships", get(ci, "relationships"));
  if (const Value* c = get(ci, "configuration")) m.push_back({intern("configuration"), decoded(arena, *c)});
  if (const Value* s = get(ci, "supplementaryConfiguration"); s && s->is_object()) {
    std::vector<Member> supp;
    for (const Member& e : s->as_object()) supp.push_back({e.key, decoded(arena, e.value)});
    m.push_back({intern("supplementaryConfiguration"), Value::object(arena, supp)});
  }
  return Value::object(arena, m);
}

const TypeMap* detect_row(Arena& arena, const Value& ci) {
  for (const auto& tm : mappings()) {
    if (tm.config_detect.empty()) continue;
    bool all = true;
    for (const auto& p : tm.config_detect) all = all && !eval_path(arena, ci, p).is_null();
    if (all) return &tm;
  }
  return nullptr;
}

std::string_view kind_of(const Value& v) {
  switch (v.kind()) {
    case Kind::Null: return "null";
    case Kind::Bool: return "a boolean";
    case Kind::Number: return "a number";
    case Kind::String: return "a string";
    case Kind::List: return "a list";
    default: return "an object";
  }
}

struct ConfigLoad {
  model::ResourceSet& set;
  Arena& scratch;
  uint32_t file;
  const std::string& name;
  size_t added = 0, dropped = 0, superseded = 0;
  std::map<std::string, int> unknown;

  // A container of the wrong shape is an error: skipping it would report "no failures" on a
  // snapshot that was never read.
  [[noreturn]] void wrong(const std::string& where, std::string_view expected, const Value& found) const {
    throw InputError(name + ": " + where + ": expected " + std::string(expected) + ", found " +
                     std::string(kind_of(found)));
  }

  void item(const Value& raw, const std::string& where) {
    if (!raw.is_object()) wrong(where, "a configuration item (an object)", raw);
    Value ci = normalize_ci(scratch, raw);
    const Value* status = ci.find("configurationItemStatus");
    if (status && status->is_string()) {
      auto s = status->as_string();
      if (s == "ResourceDeleted" || s == "ResourceNotRecorded" || s == "ResourceDeletedNotRecorded") {
        ++dropped;
        return;
      }
    }
    const Value* type = ci.find("resourceType");
    const TypeMap* tm = type && type->is_string() ? by_config_type(type->as_string()) : detect_row(scratch, ci);
    if (!tm) {
      ++unknown[type && type->is_string() ? std::string(type->as_string()) : "(select row of unknown type)"];
      return;
    }
    std::string address;
    for (const char* p : {"arn", "configuration.arn", "resourceId"}) {
      Value v = eval_path(scratch, ci, p);
      if (v.is_string() && !v.as_string().empty()) {
        address = v.as_string();
        break;
      }
    }
    for (const auto& row : tm->attributes) {  // a select row may hold no ARN: use the mapped id
      if (!address.empty() || row.name != "id") continue;
      Value v = first_of(scratch, ci, row.config);
      if (v.is_string()) address = v.as_string();
    }
    if (address.empty()) address = tm->type + "[" + std::to_string(added) + "]";
    add_mapped(set, *tm, ci, Side::Config, address, "config", file);
    ++added;
  }

  // A history (get-resource-config-history, or a snapshot holding several captures of one
  // resource) is judged on each resource's latest capture only: by configurationItemCaptureTime,
  // then by position. A latest capture that says the resource is deleted is not judged at all.
  void items(const Value& list, const char* key) {
    if (!list.is_list()) wrong(key, "a list of configuration items", list);
    std::span<const Value> all = list.as_list();
    std::unordered_map<std::string, size_t> latest;  // resource identity -> index of its latest capture
    latest.reserve(all.size());
    std::vector<size_t> order;             // first appearance of each identity, then items without one
    std::vector<bool> keep(all.size(), false);
    for (size_t i = 0; i < all.size(); ++i) {
      std::string id = identity(all[i]);
      if (id.empty()) {
        keep[i] = true;
        continue;
      }
      auto [it, added] = latest.emplace(id, i);
      if (!added) {
        if (capture_time(all[i]) < capture_time(all[it->second])) {
          ++superseded;
          continue;
        }
        keep[it->second] = false;
        ++superseded;
        it->second = i;
      }
      keep[i] = true;
    }
    for (size_t i = 0; i < all.size(); ++i) {
      if (keep[i]) item(all[i], std::string(key) + "[" + std::to_string(i) + "]");
    }
  }

  // "type|id" of a raw item in either dialect ("" when it names neither).
  static std::string identity(const Value& raw) {
    const Value* type = get(raw, "resourceType");
    const Value* id = get(raw, "resourceId");
    if (!type || !id || !type->is_string() || !id->is_string()) return "";
    return std::string(type->as_string()) + "|" + std::string(id->as_string());
  }

  // ISO-8601 capture times compare as text; a missing one sorts first. Numbers (epoch seconds,
  // as some exports write) are compared as numbers, before any text.
  static std::pair<double, std::string> capture_time(const Value& raw) {
    const Value* t = get(raw, "configurationItemCaptureTime");
    if (t && t->is_number()) return {t->as_number(), ""};
    if (t && t->is_string()) return {0, std::string(t->as_string())};
    return {-1, ""};
  }
};

// What the top-level keys of an object document say, read without converting any value.
struct TopKeys {
  bool terraform = false;  // a key only Terraform documents have
  bool items = false;      // configurationItems
  bool other = false;      // another Config container or wrapper (read whole, they are small)
};

TopKeys top_keys(od::document& doc) {
  // Keys only Terraform documents have (a Config item has `configuration` too, so not that one).
  static constexpr std::string_view kTerraform[] = {"format_version", "terraform_version", "resource_changes",
                                                    "planned_values", "prior_state"};
  static constexpr std::string_view kOther[] = {"invokingEvent", "configurationItem", "Results", "status_code"};
  TopKeys keys;
  std::vector<std::string_view> seen;
  for (auto result : take(doc.get_object())) {
    od::field field = take(std::move(result));
    std::string_view key = key_text(field);
    // A key given twice is an error the Terraform path locates (readers disagree on which counts).
    for (std::string_view k : seen) {
      if (k == key) throw JsonFault{simdjson::TAPE_ERROR, key.data(), "duplicate key in an object"};
    }
    seen.push_back(key);
    for (std::string_view k : kTerraform) keys.terraform |= key == k;
    for (std::string_view k : kOther) keys.other |= key == k;
    keys.items |= key == "configurationItems";
    od::value value = field.value();
    skip(value);
  }
  return keys;
}

std::string_view kind_of(od::json_type t) {
  switch (t) {
    case od::json_type::null: return "null";
    case od::json_type::boolean: return "a boolean";
    case od::json_type::number: return "a number";
    case od::json_type::string: return "a string";
    case od::json_type::array: return "a list";
    default: return "an object";
  }
}

// The identity and capture time of a raw item, read from its top-level keys only: the same
// answers as ConfigLoad::identity and capture_time give for the converted item.
struct Capture {
  std::string identity;
  std::pair<double, std::string> time{-1, ""};
};

Capture capture_of(od::value item) {
  Capture c;
  if (type_of(item) != od::json_type::object) return c;
  std::string_view type, id;
  bool has_type = false, has_id = false;
  for (auto result : take(item.get_object())) {
    od::field field = take(std::move(result));
    std::string_view key = key_text(field);
    od::value v = field.value();
    bool want = key == "resourceType" || key == "resourceId" || key == "configurationItemCaptureTime";
    od::json_type t = want ? type_of(v) : od::json_type::null;
    if (want && t == od::json_type::string) {
      std::string_view text = string_text(v);
      if (key == "resourceType") type = text, has_type = true;
      if (key == "resourceId") id = text, has_id = true;
      if (key == "configurationItemCaptureTime") c.time = {0, std::string(text)};
    } else if (want && t == od::json_type::number && key == "configurationItemCaptureTime") {
      c.time = {take(v.get_double()), ""};
    } else {
      skip(v);
    }
  }
  if (has_type && has_id) c.identity = std::string(type) + "|" + std::string(id);
  return c;
}

// A snapshot or history file ({"configurationItems": [...], ...}) read with simdjson On-Demand:
// one pass over the items' top-level keys finds each resource's latest capture (as
// ConfigLoad::items does), a second converts one item at a time into a scratch arena that is
// reset after it, so memory holds the input, its structural index and the mapped resources only.
// Every value is converted (and so validated, duplicate keys included), superseded items too.
void stream_items(ConfigLoad& load, od::document& doc) {
  std::vector<bool> keep;
  auto each_item = [&](auto&& on_item, auto&& on_other) {
    doc.rewind();
    for (auto result : take(doc.get_object())) {
      od::field field = take(std::move(result));
      od::value value = field.value();
      if (key_text(field) != "configurationItems") {
        on_other(value);
        continue;
      }
      od::json_type t = type_of(value);
      if (t != od::json_type::array) {
        throw InputError(load.name + ": configurationItems: expected a list of configuration items, found " +
                         std::string(kind_of(t)));
      }
      check_depth(1, value);
      size_t i = 0;
      for (auto item : take(value.get_array())) on_item(take(std::move(item)), i++);
    }
  };
  std::unordered_map<std::string, std::pair<size_t, std::pair<double, std::string>>> latest;
  each_item(
      [&](od::value item, size_t i) {
        Capture c = capture_of(item);
        keep.push_back(true);
        if (c.identity.empty()) return;
        auto [it, added] = latest.try_emplace(std::move(c.identity), i, c.time);
        if (added) return;
        ++load.superseded;
        if (c.time < it->second.second) {
          keep[i] = false;
          return;
        }
        keep[it->second.first] = false;
        it->second = {i, std::move(c.time)};
      },
      [](od::value v) { skip(v); });
  Converter converter;
  each_item(
      [&](od::value item, size_t i) {
        Value v = converter.convert(load.scratch, item, 2);
        if (keep[i]) load.item(v, "configurationItems[" + std::to_string(i) + "]");
        load.scratch.reset();
      },
      [&](od::value v) {
        converter.convert(load.scratch, v, 1);  // validated, not used
        load.scratch.reset();
      });
  if (doc.current_location().error() == simdjson::SUCCESS) fail(simdjson::TRAILING_CONTENT);
}

// The notes a Config load leaves: skipped deleted items, superseded captures, unknown types.
void finish_config(model::ResourceSet& set, const ConfigLoad& load, const std::string& name) {
  if (load.dropped > 0)
    set.notes.emplace_back("deleted resources",
                           name + ": " + std::to_string(load.dropped) + " deleted or unrecorded item(s) skipped");
  if (load.superseded > 0)
    set.notes.emplace_back("configuration history",
                           name + ": " + std::to_string(load.superseded) +
                               " older capture(s) of the same resources skipped (the latest capture is judged)");
  note_unknown(set, name, load.unknown);
}

// The recognised Config containers, in the order of FORMATS.md F.1.
bool is_config(const Value& root) {
  if (!root.is_object()) return false;
  if (root.find("configurationItems") || root.find("invokingEvent") || root.find("configurationItem")) return true;
  if (root.find("Results") && root.find("QueryInfo")) return true;
  const Value* t = root.find("resourceType");
  return t && t->is_string() && t->as_string().starts_with("AWS::");
}

}  // namespace

std::optional<Format> load_live(model::ResourceSet& set, std::string_view text, od::document& doc,
                                const std::string& name) {
  size_t start = text.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) return std::nullopt;
  // A Terraform plan or state (any key order) goes to the Terraform loader, decided from the
  // top-level keys alone; a snapshot file is streamed. The structural index of `doc` is built
  // once and serves all of them (the caller rewinds it for the Terraform loader).
  if (text[start] == '{') {
    TopKeys keys = top_keys(doc);
    if (keys.terraform) return std::nullopt;
    if (keys.items && !keys.other) {
      uint32_t file = set.add_file(name);
      Arena scratch;
      ConfigLoad load{set, scratch, file, name, 0, 0, 0, {}};
      stream_items(load, doc);
      finish_config(set, load, name);
      return Format::Config;
    }
  } else if (text[start] == '[') {  // Custodian resources.json, streamed
    std::map<std::string, int> unknown;
    if (!stream_custodian(set, doc, name, unknown)) return std::nullopt;
    note_unknown(set, name, unknown);
    return Format::Custodian;
  }
  Arena scratch;
  Value root;
  std::string error;
  if (!parse_json(scratch, text, root, error)) return std::nullopt;  // the Terraform path reports it
  // A placebo recording wraps an API response: {"status_code": 200, "data": {...}}.
  if (root.is_object() && root.find("status_code") && root.find("data")) root = *root.find("data");
  std::map<std::string, int> unknown;
  if (is_config(root)) {
    uint32_t file = set.add_file(name);
    ConfigLoad load{set, scratch, file, name, 0, 0, 0, {}};
    if (const Value* ev = root.find("invokingEvent")) {  // a rule event: the CI is a JSON string
      Value inner = ev->is_string() ? decode_embedded(scratch, ev->as_string()) : *ev;
      if (inner.is_null()) throw InputError(name + ": invokingEvent is not valid JSON");
      root = inner;
    }
    if (const Value* ci = root.find("configurationItem")) {
      load.item(*ci, "configurationItem");
    } else if (const Value* rows = root.find("Results")) {
      if (!rows->is_list()) load.wrong("Results", "a list of rows", *rows);
      size_t i = 0;
      for (const Value& row : rows->as_list()) {
        std::string where = "Results[" + std::to_string(i++) + "]";
        Value r = row.is_string() ? decode_embedded(scratch, row.as_string()) : row;
        if (r.is_null()) throw InputError(name + ": " + where + " is not valid JSON");
        load.item(r, where);
      }
    } else if (const Value* list = root.find("configurationItems")) {
      load.items(*list, "configurationItems");
    } else {
      load.item(root, "the document");
    }
    finish_config(set, load, name);
    return Format::Config;
  }
  if (load_custodian(set, scratch, root, name, unknown)) {
    note_unknown(set, name, unknown);
    return Format::Custodian;
  }
  return std::nullopt;
}

void note_unknown(model::ResourceSet& set, const std::string& name, const std::map<std::string, int>& unknown) {
  if (unknown.empty()) return;
  int total = 0;
  std::string list;
  for (const auto& [type, n] : unknown) {
    total += n;
    list += (list.empty() ? "" : ", ") + type + " (" + std::to_string(n) + ")";
  }
  set.notes.emplace_back("unknown resource types", name + ": " + std::to_string(total) +
                                                       " resource(s) of unmapped types skipped: " + list);
}

uint32_t add_mapped(model::ResourceSet& set, const TypeMap& tm, const Value& record, Side side,
                    std::string_view address, std::string_view source, uint32_t file) {
  Arena& arena = set.arena();
  auto make = [&](std::string_view type, std::string_view addr, Value attrs) {
    model::Resource r;
    r.address = arena.copy(addr);
    r.type = arena.copy(type);
    r.name = r.address;
    r.source = arena.copy(source);
    r.file = file;
    r.attrs = attrs;
    return set.add(r);
  };
  uint32_t parent = make(tm.type, address, map_attributes(arena, record, tm.attributes, side));
  const Value* parent_id = set.resource(parent).attrs.find("id");
  for (const auto& child : tm.children) {
    Value src = first_of(arena, record, side == Side::Config ? child.config : child.custodian);
    auto one = [&](const Value& part, std::string addr) {
      if (!part.is_object() || part.size() == 0) return;  // not configured
      Value attrs = map_attributes(arena, part, child.attributes, side);
      std::vector<Member> members(attrs.as_object().begin(), attrs.as_object().end());
      if (parent_id) members.push_back({intern(child.link), *parent_id});
      uint32_t id = make(child.type, addr, Value::object(arena, members));
      set.add_edge(id, intern(child.link), parent);
    };
    std::string addr = std::string(address) + "#" + child.type;
    if (!src.is_list()) {
      one(src, addr);
      continue;
    }
    // A list folded into the item (network ACL entries) gives one child per element, as
    // Terraform's split resources (aws_network_acl_rule) do.
    size_t i = 0;
    for (const Value& part : src.as_list()) one(part, addr + "[" + std::to_string(i++) + "]");
  }
  return parent;
}

}  // namespace edict::loaders::internal
