// Cloud Custodian loader: resources.json (an array of describe-API records, typed by the
// metadata.json beside it or by their keys; streamed, one record at a time) and placebo
// recordings of the same describe calls, normalized through the mapping tables into canonical
// resources with `source: custodian`.
#include <filesystem>
#include <vector>

#include "loaders/internal/json_value.h"
#include "loaders/internal/live.h"
#include "loaders/internal/ondemand.h"
#include "loaders/json.h"

namespace edict::loaders::internal {

namespace {

bool has_all(const Value& record, const std::vector<std::string>& keys) {
  if (!record.is_object() || keys.empty()) return false;
  for (const auto& k : keys)
    if (!record.find(k)) return false;
  return true;
}

const TypeMap* detect(const Value& record) {
  for (const auto& tm : mappings())
    if (has_all(record, tm.custodian_detect)) return &tm;
  return nullptr;
}

// The policy's resource type from OUT/<policy>/metadata.json next to resources.json, if any.
std::string policy_resource(Arena& scratch, const std::string& name) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path meta = fs::path(name).parent_path() / "metadata.json";
  if (name == "<stdin>" || !fs::is_regular_file(meta, ec)) return {};
  Value root;
  std::string error;
  try {
    if (!parse_json(scratch, read_input(meta.string()), root, error)) return {};
  } catch (const InputError&) {
    return {};
  }
  const Value* policy = root.is_object() ? root.find("policy") : nullptr;
  const Value* res = policy && policy->is_object() ? policy->find("resource") : nullptr;
  return res && res->is_string() ? std::string(res->as_string()) : std::string();
}

// "arn:aws:s3:::{Name}" filled from the record; empty when a placeholder has no string value.
std::string fill(const std::string& tmpl, const Value& record) {
  std::string out;
  for (size_t i = 0; i < tmpl.size(); ++i) {
    if (tmpl[i] != '{') {
      out += tmpl[i];
      continue;
    }
    size_t end = tmpl.find('}', i);
    if (end == std::string::npos) return {};
    const Value* v = record.find(std::string_view(tmpl).substr(i + 1, end - i - 1));
    if (!v || !v->is_string()) return {};
    out += v->as_string();
    i = end;
  }
  return out;
}

std::string address_of(const TypeMap& tm, const Value& record, size_t n) {
  std::string arn = fill(tm.custodian_arn, record);
  if (!arn.empty()) return arn;
  const Value* id = tm.custodian_id.empty() ? nullptr : record.find(tm.custodian_id);
  if (id && id->is_string()) return std::string(id->as_string());
  return tm.type + "[" + std::to_string(n) + "]";
}

// The describe records inside a placebo response: the first list of objects among its members,
// with EC2's Reservations[].Instances[] flattened.
std::vector<Value> describe_records(const Value& data) {
  std::vector<Value> out;
  if (!data.is_object()) return out;
  for (const Member& m : data.as_object()) {
    if (m.value.is_object() && detect(m.value)) return {m.value};  // DescribeKey: one record
    if (!m.value.is_list() || m.value.size() == 0 || !m.value.as_list()[0].is_object()) continue;
    for (const Value& r : m.value.as_list()) {
      const Value* inner = r.is_object() ? r.find("Instances") : nullptr;
      if (inner && inner->is_list()) {
        for (const Value& i : inner->as_list()) out.push_back(i);
      } else {
        out.push_back(r);
      }
    }
    if (!out.empty() && detect(out.front())) return out;
    out.clear();
  }
  return out;
}

// The record's top-level keys as an object of nulls in `scratch`: all that detect() reads.
Value keys_of(Arena& scratch, od::value record, std::vector<Member>& members) {
  members.clear();
  for (auto result : take(record.get_object())) {
    od::field field = take(std::move(result));
    members.push_back({intern_key(key_text(field)), Value::null()});
    od::value v = field.value();
    skip(v);
  }
  return Value::object(scratch, members);
}

}  // namespace

bool stream_custodian(model::ResourceSet& set, od::document& doc, const std::string& name,
                      std::map<std::string, int>& unknown) {
  // First pass, over the records' top-level keys only: is this a resources.json at all?
  Arena scratch;
  std::string resource = policy_resource(scratch, name);
  bool any = false;
  size_t count = 0;
  std::vector<Member> members;
  for (auto result : take(doc.get_array())) {
    od::value record = take(std::move(result));
    if (type_of(record) != od::json_type::object) return false;  // not a resources.json
    if (resource.empty() && !any) {
      any = detect(keys_of(scratch, record, members)) != nullptr;
      scratch.reset();
    } else {
      skip(record);
    }
    ++count;
  }
  const TypeMap* fixed = nullptr;
  if (!resource.empty()) {
    fixed = by_custodian_resource(resource);
    if (!fixed) unknown[resource] += static_cast<int>(count);
  } else if (!any) {
    return false;  // without metadata.json some record must be of a mapped type
  }
  // Second pass: one record at a time, converted (and so validated) into a scratch arena that is
  // reset after it; the mapped resources are copied into the set's arena.
  uint32_t file = set.add_file(name);
  doc.rewind();
  Converter converter;
  size_t n = 0;
  for (auto result : take(doc.get_array())) {
    Value record = converter.convert(scratch, take(std::move(result)), 1);
    // A policy of an unmapped resource type: every record was counted as unknown above.
    if (resource.empty() || fixed) {
      const TypeMap* tm = fixed ? fixed : detect(record);
      if (!tm) {
        ++unknown["(custodian record of unknown type)"];
      } else {
        add_mapped(set, *tm, record, Side::Custodian, address_of(*tm, record, n), "custodian", file);
        ++n;
      }
    }
    scratch.reset();
  }
  if (doc.current_location().error() == simdjson::SUCCESS) fail(simdjson::TRAILING_CONTENT);
  return true;
}

bool load_custodian(model::ResourceSet& set, Arena& scratch, const Value& root, const std::string& name,
                    std::map<std::string, int>& unknown) {
  std::vector<Value> records;
  const TypeMap* fixed = nullptr;
  if (root.is_list()) {
    for (const Value& r : root.as_list()) {
      if (!r.is_object()) return false;  // not a resources.json
      records.push_back(r);
    }
    std::string resource = policy_resource(scratch, name);
    if (!resource.empty()) {
      fixed = by_custodian_resource(resource);
      if (!fixed) unknown[resource] += static_cast<int>(records.size());
      if (!fixed) records.clear();
    } else {
      // Without metadata.json the records must say what they are: some must be of a mapped type.
      bool any = false;
      for (const Value& r : records) any = any || detect(r) != nullptr;
      if (!any) return false;
    }
  } else {
    records = describe_records(root);
    if (records.empty()) return false;
  }
  uint32_t file = set.add_file(name);
  size_t n = 0;
  for (const Value& record : records) {
    const TypeMap* tm = fixed ? fixed : detect(record);
    if (!tm) {
      ++unknown["(custodian record of unknown type)"];
      continue;
    }
    add_mapped(set, *tm, record, Side::Custodian, address_of(*tm, record, n), "custodian", file);
    ++n;
  }
  return true;
}

}  // namespace edict::loaders::internal
