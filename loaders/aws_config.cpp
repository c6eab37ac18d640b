// AWS Config loader: single configuration items in both naming dialects (API and delivery),
// snapshot/history files (`configurationItems`), select-resource-config output and rule events,
// normalized through the mapping tables into canonical resources with `source: config`.
#include <vector>

#include "loaders/internal/live.h"
#include "loaders/internal/sections.h"
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

struct ConfigLoad {
  model::ResourceSet& set;
  Arena& scratch;
  uint32_t file;
  size_t added = 0, dropped = 0;
  std::map<std::string, int> unknown;

  void item(const Value& raw) {
    if (!raw.is_object()) return;
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

  void items(const Value* list) {
    if (!list || !list->is_list()) return;
    for (const Value& ci : list->as_list()) item(ci);
  }
};

// The recognised Config containers, in the order of FORMATS.md F.1.
bool is_config(const Value& root) {
  if (!root.is_object()) return false;
  if (root.find("configurationItems") || root.find("invokingEvent") || root.find("configurationItem")) return true;
  if (root.find("Results") && root.find("QueryInfo")) return true;
  const Value* t = root.find("resourceType");
  return t && t->is_string() && t->as_string().starts_with("AWS::");
}

}  // namespace

std::optional<Format> load_live(model::ResourceSet& set, std::string_view text, const std::string& name) {
  size_t start = text.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) return std::nullopt;
  // A Terraform plan or state (any key order) or a malformed object goes to the streaming
  // Terraform loader, decided from the top-level keys alone, before anything is converted.
  if (text[start] == '{') {
    // Keys only Terraform documents have (a Config item has `configuration` too, so not that one).
    static constexpr std::string_view kTerraformKeys[] = {"format_version", "terraform_version", "resource_changes",
                                                         "planned_values", "prior_state"};
    std::vector<TopMember> members;
    if (!split_top_level(text, members)) return std::nullopt;
    for (const TopMember& m : members) {
      for (std::string_view k : kTerraformKeys) {
        if (m.key == k) return std::nullopt;
      }
    }
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
    ConfigLoad load{set, scratch, file, 0, 0, {}};
    if (const Value* ev = root.find("invokingEvent")) {  // a rule event: the CI is a JSON string
      Value inner = ev->is_string() ? decode_embedded(scratch, ev->as_string()) : *ev;
      if (inner.is_null()) throw InputError(name + ": invokingEvent is not valid JSON");
      root = inner;
    }
    if (const Value* ci = root.find("configurationItem")) {
      load.item(*ci);
    } else if (const Value* rows = root.find("Results")) {
      if (rows->is_list()) {
        for (const Value& row : rows->as_list()) {
          Value r = row.is_string() ? decode_embedded(scratch, row.as_string()) : row;
          if (r.is_null()) throw InputError(name + ": a Results row is not valid JSON");
          load.item(r);
        }
      }
    } else if (root.find("configurationItems")) {
      load.items(root.find("configurationItems"));
    } else {
      load.item(root);
    }
    if (load.dropped > 0)
      set.notes.emplace_back("deleted resources",
                             name + ": " + std::to_string(load.dropped) + " deleted or unrecorded item(s) skipped");
    note_unknown(set, name, load.unknown);
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
    if (!src.is_object() || src.size() == 0) continue;  // not configured
    Value attrs = map_attributes(arena, src, child.attributes, side);
    std::vector<Member> members(attrs.as_object().begin(), attrs.as_object().end());
    if (parent_id) members.push_back({intern(child.link), *parent_id});
    std::string addr = std::string(address) + "#" + child.type;
    uint32_t id = make(child.type, addr, Value::object(arena, members));
    set.add_edge(id, intern(child.link), parent);
  }
  return parent;
}

}  // namespace edict::loaders::internal
