// Reads the mapping tables (mappings/*.yaml) and applies them: source paths through decoded JSON,
// value transforms, nested blocks. The loaders hold no per-type code; adding a type is a file.
#include <yaml-cpp/yaml.h>

#include <mutex>

#include "loaders/internal/mapping.h"
#include "loaders/json.h"
#include "loaders/loader.h"

namespace edict::loaders::internal {

namespace {

[[noreturn]] void fail(std::string_view file, const YAML::Mark& mark, const std::string& what) {
  throw InputError(std::string(file) + ":" + std::to_string(mark.line + 1) + ":" + std::to_string(mark.column + 1) +
                   ": " + what);
}

std::vector<std::string> strings(std::string_view file, const YAML::Node& n) {
  std::vector<std::string> out;
  if (!n) return out;
  if (n.IsScalar()) {
    out.push_back(n.as<std::string>());
  } else if (n.IsSequence()) {
    for (const auto& item : n) {
      if (!item.IsScalar()) fail(file, item.Mark(), "expected a string");
      out.push_back(item.as<std::string>());
    }
  } else {
    fail(file, n.Mark(), "expected a string or a list of strings");
  }
  return out;
}

void check_keys(std::string_view file, const YAML::Node& n, std::initializer_list<std::string_view> allowed) {
  if (!n.IsMap()) fail(file, n.Mark(), "expected a mapping");
  for (const auto& kv : n) {
    auto key = kv.first.as<std::string>();
    bool ok = false;
    for (auto a : allowed) ok = ok || key == a;
    if (!ok) fail(file, kv.first.Mark(), "unknown key '" + key + "'");
  }
}

std::vector<AttrMap> attr_rows(std::string_view file, const YAML::Node& n) {
  std::vector<AttrMap> rows;
  if (!n) return rows;
  if (!n.IsSequence()) fail(file, n.Mark(), "expected a list of attribute rows");
  for (const auto& row : n) {
    check_keys(file, row, {"name", "config", "custodian", "as", "default", "each", "each_key"});
    AttrMap m;
    if (!row["name"] || !row["name"].IsScalar()) fail(file, row.Mark(), "an attribute row needs a 'name'");
    m.name = row["name"].as<std::string>();
    m.config = strings(file, row["config"]);
    m.custodian = strings(file, row["custodian"]);
    if (row["as"]) m.as = row["as"].as<std::string>();
    static const char* kTransforms[] = {"bool", "json", "urldecode", "tags", "list"};
    bool known = m.as.empty() || m.as.starts_with("equals:") || m.as.starts_with("lookup:");
    for (const char* t : kTransforms) known = known || m.as == t;
    if (!known) fail(file, row["as"].Mark(), "unknown transform '" + m.as + "'");
    if (row["default"]) {
      m.has_default = true;
      m.fallback = row["default"].as<std::string>();
    }
    m.each = attr_rows(file, row["each"]);
    if (row["each_key"]) {
      if (m.each.empty()) fail(file, row["each_key"].Mark(), "'each_key' needs 'each'");
      m.each_key = row["each_key"].as<std::string>();
    }
    rows.push_back(std::move(m));
  }
  return rows;
}

// Resolves one scalar default ("0", "true", "x") into a Value.
Value scalar(Arena& arena, const std::string& text) {
  Value v;
  std::string err;
  if (parse_json(arena, text, v, err)) return v;
  return Value::string(arena, text);
}

bool empty(const Value& v) {
  return v.is_null() || ((v.is_list() || v.is_object()) && v.size() == 0);
}

Value to_bool(const Value& v) {
  if (v.is_string()) {
    if (v.as_string() == "true") return Value::boolean(true);
    if (v.as_string() == "false") return Value::boolean(false);
  }
  return v;
}

// [{key|Key|tagKey, value|Value|tagValue}] -> {key: value}; a map stays a map.
Value tags_map(Arena& arena, const Value& v) {
  if (v.is_object()) return v;
  if (!v.is_list()) return v;
  std::vector<Member> members;
  for (const Value& t : v.as_list()) {
    if (!t.is_object()) continue;
    const Value* k = t.find("key");
    if (!k) k = t.find("Key");
    if (!k) k = t.find("tagKey");
    const Value* val = t.find("value");
    if (!val) val = t.find("Value");
    if (!val) val = t.find("tagValue");
    if (k && k->is_string()) members.push_back({intern(k->as_string()), val ? *val : Value()});
  }
  return Value::object(arena, members);
}

Value transform(Arena& arena, const Value& v, const std::string& as) {
  if (as.empty()) return v;
  if (as == "bool") return to_bool(v);
  if (as == "tags") return tags_map(arena, v);
  if (as == "list") return v.is_null() || v.is_list() ? v : Value::list(arena, std::span<const Value>(&v, 1));
  if (as == "json") return v.is_string() ? decode_embedded(arena, v.as_string()) : v;
  if (as == "urldecode") return v.is_string() ? Value::string(arena, url_decode(v.as_string())) : v;
  if (as.starts_with("equals:")) {
    if (v.is_null()) return v;
    return Value::boolean(v.is_string() && v.as_string() == std::string_view(as).substr(7));
  }
  // A list of {key, value} pairs (RDS snapshot attributes: {attributeName, attributeValues}) or an object.
  if (as.starts_with("lookup:")) {
    std::string_view key = std::string_view(as).substr(7);
    if (v.is_object()) {
      const Value* f = v.find(key);
      return f ? to_bool(*f) : Value();
    }
    if (!v.is_list()) return Value();
    for (const Value& kv : v.as_list()) {
      const Value* k = kv.is_object() ? kv.find("key") : nullptr;
      if (!k) k = kv.is_object() ? kv.find("Key") : nullptr;
      if (!k) k = kv.is_object() ? kv.find("attributeName") : nullptr;
      if (k && k->is_string() && k->as_string() == key) {
        const Value* val = kv.find("value");
        if (!val) val = kv.find("Value");
        if (!val) val = kv.find("attributeValues");
        return val ? to_bool(*val) : Value();
      }
    }
    return Value();
  }
  return v;
}

Value map_value(Arena& out, const Value& root, const AttrMap& row, Side side) {
  Value v = first_of(out, root, side == Side::Config ? row.config : row.custodian);
  if (!row.each.empty() && !v.is_null()) {
    std::vector<Value> blocks;
    auto one = [&](const Value& item) { blocks.push_back(map_attributes(out, item, row.each, side)); };
    if (v.is_list()) {
      for (const Value& item : v.as_list()) one(item);
    } else if (v.is_object() && !row.each_key.empty()) {
      // A map keyed by kind (OpenSearch log options by log type) becomes one block per kind.
      for (const Member& kv : v.as_object()) {
        Value block = map_attributes(out, kv.value, row.each, side);
        std::vector<Member> members(block.as_object().begin(), block.as_object().end());
        members.push_back({intern(row.each_key), Value::string(out, symbol_name(kv.key))});
        blocks.push_back(Value::object(out, members));
      }
    } else if (v.is_object()) {
      one(v);
    }
    v = Value::list(out, blocks);
  } else {
    v = transform(out, v, row.as);
  }
  if (v.is_null() && row.has_default) v = scalar(out, row.fallback);
  return v;
}

}  // namespace

TypeMap parse_mapping(std::string_view file, std::string_view text) {
  YAML::Node doc;
  try {
    doc = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    fail(file, e.mark, e.msg);
  }
  try {
    check_keys(file, doc, {"type", "config", "custodian", "attributes", "children"});
    TypeMap m;
    m.file = file;
    if (!doc["type"] || !doc["type"].IsScalar()) fail(file, doc.Mark(), "missing 'type'");
    m.type = doc["type"].as<std::string>();
    if (auto c = doc["config"]) {
      check_keys(file, c, {"types", "detect"});
      m.config_types = strings(file, c["types"]);
      m.config_detect = strings(file, c["detect"]);
    }
    if (auto c = doc["custodian"]) {
      check_keys(file, c, {"resources", "detect", "arn", "id"});
      m.custodian_resources = strings(file, c["resources"]);
      m.custodian_detect = strings(file, c["detect"]);
      if (c["arn"]) m.custodian_arn = c["arn"].as<std::string>();
      if (c["id"]) m.custodian_id = c["id"].as<std::string>();
    }
    m.attributes = attr_rows(file, doc["attributes"]);
    if (auto ch = doc["children"]) {
      if (!ch.IsSequence()) fail(file, ch.Mark(), "'children' must be a list");
      for (const auto& c : ch) {
        check_keys(file, c, {"type", "link", "config", "custodian", "attributes"});
        if (!c["type"] || !c["link"]) fail(file, c.Mark(), "a child needs 'type' and 'link'");
        ChildMap cm{c["type"].as<std::string>(), c["link"].as<std::string>(), strings(file, c["config"]),
                    strings(file, c["custodian"]), attr_rows(file, c["attributes"])};
        m.children.push_back(std::move(cm));
      }
    }
    return m;
  } catch (const YAML::Exception& e) {
    fail(file, e.mark, e.msg);
  }
}

const std::vector<TypeMap>& mappings() {
  static std::vector<TypeMap> all;
  static std::once_flag once;
  std::call_once(once, [] {  // a throw leaves `once` unset and `all` untouched: the next call retries
    std::vector<TypeMap> parsed;
    for (const auto& f : embedded_mappings()) parsed.push_back(parse_mapping(f.path, f.text));
    all = std::move(parsed);
  });
  return all;
}

const TypeMap* by_config_type(std::string_view config_type) {
  for (const auto& m : mappings())
    for (const auto& t : m.config_types)
      if (t == config_type) return &m;
  return nullptr;
}

const TypeMap* by_custodian_resource(std::string_view resource) {
  for (const auto& m : mappings())
    for (const auto& r : m.custodian_resources)
      if (r == resource) return &m;
  return nullptr;
}

Value eval_path(Arena& arena, const Value& root, std::string_view path) {
  if (path.empty()) return root;
  size_t dot = path.find('.');
  std::string_view seg = path.substr(0, dot);
  std::string_view rest = dot == std::string_view::npos ? std::string_view() : path.substr(dot + 1);
  bool each = seg.ends_with("[*]");
  if (each) seg.remove_suffix(3);
  std::string_view select;  // name[flag]: the first element whose `flag` is true
  if (!each && seg.ends_with(']') && seg.find('[') != std::string_view::npos) {
    select = seg.substr(seg.find('[') + 1, seg.size() - seg.find('[') - 2);
    seg = seg.substr(0, seg.find('['));
  }
  const Value* v = root.is_object() ? root.find(seg) : nullptr;
  if (!v) return Value();
  if (!select.empty()) {
    if (!v->is_list()) return Value();
    for (const Value& item : v->as_list()) {
      const Value* flag = item.is_object() ? item.find(select) : nullptr;
      if (flag && flag->is_true()) return eval_path(arena, item, rest);
    }
    return Value();
  }
  if (!each) return eval_path(arena, *v, rest);
  if (!v->is_list()) return Value();
  std::vector<Value> items;
  for (const Value& item : v->as_list()) {
    Value r = eval_path(arena, item, rest);
    if (!r.is_null()) items.push_back(r);
  }
  return Value::list(arena, items);
}

Value first_of(Arena& arena, const Value& root, const std::vector<std::string>& paths) {
  Value last;
  for (const auto& p : paths) {
    Value v = eval_path(arena, root, p);
    if (!empty(v)) return v;
    if (!v.is_null()) last = v;  // an empty list or map is kept when nothing better is found
  }
  return last;
}

Value map_attributes(Arena& out, const Value& root, const std::vector<AttrMap>& rows, Side side) {
  std::vector<Member> members;
  for (const auto& row : rows) {
    Value v = map_value(out, root, row, side);
    if (!v.is_null()) members.push_back({intern(row.name), deep_copy(out, v)});
  }
  return Value::object(out, members);
}

std::string url_decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() + 0 && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
      i += 2;
    } else if (s[i] == '+') {
      out += ' ';
    } else {
      out += s[i];
    }
  }
  return out;
}

Value decode_embedded(Arena& arena, std::string_view text) {
  std::string decoded;
  if (text.starts_with("%7B") || text.starts_with("%7b")) {
    decoded = url_decode(text);
    text = decoded;
  }
  Value v;
  std::string err;
  if (!parse_json(arena, text, v, err)) return Value();
  return v;
}

Value deep_copy(Arena& out, const Value& v) {
  switch (v.kind()) {
    case Kind::String: return Value::string(out, v.as_string());
    case Kind::List: {
      std::vector<Value> items;
      for (const Value& i : v.as_list()) items.push_back(deep_copy(out, i));
      return Value::list(out, items);
    }
    case Kind::Object: {
      std::vector<Member> members;
      for (const Member& m : v.as_object()) members.push_back({m.key, deep_copy(out, m.value)});
      return Value::object(out, members);
    }
    default: return v;
  }
}

}  // namespace edict::loaders::internal
