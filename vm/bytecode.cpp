// Program helpers, the opcode info table and metadata-field names.
#include "vm/bytecode.h"

#include <iterator>

namespace edict::bytecode {

namespace {
const OpInfo kOps[] = {
#define EDICT_OP_INFO(name, a, b, pops, pushes, flow, iter, meaning) \
  {#name, OperandKind::a, OperandKind::b, pops, pushes, Flow::flow, IterEffect::iter, meaning},
    EDICT_OPCODES(EDICT_OP_INFO)
#undef EDICT_OP_INFO
};

static_assert(std::size(kOps) == kOpCount);

const char* const kMetaNames[] = {"address", "type", "name", "module", "index", "source", "action", "mode", "file"};
static_assert(std::size(kMetaNames) == kMetaFieldCount);

const char* const kQuantNames[] = {"all", "some", "none", "count"};
}  // namespace

const char* quant_name(Quant q) {
  auto i = static_cast<size_t>(q);
  return i < std::size(kQuantNames) ? kQuantNames[i] : "?";
}

const OpInfo& op_info(OpCode op) { return kOps[static_cast<size_t>(op)]; }

const char* meta_field_name(MetaField f) { return kMetaNames[static_cast<size_t>(f)]; }

bool meta_field_from_name(std::string_view name, MetaField& out) {
  for (size_t i = 0; i < std::size(kMetaNames); ++i) {
    if (name == kMetaNames[i]) {
      out = static_cast<MetaField>(i);
      return true;
    }
  }
  return false;
}

uint32_t Program::add_string(std::string s) {
  auto [it, added] = string_index.try_emplace(s, static_cast<uint32_t>(strings.size()));
  if (added) strings.push_back(std::move(s));
  return it->second;
}

namespace {
// The de-duplication key of a scalar constant: equal keys for values equal() calls equal (so 0 and
// -0 share one slot, and every unknown another); false for NaN, which equals nothing.
bool constant_key(const Value& v, std::string& key) {
  key.assign(1, static_cast<char>(v.kind()));
  switch (v.kind()) {
    case Kind::Bool: key += v.as_bool() ? '1' : '0'; return true;
    case Kind::Number: {
      double n = v.as_number();
      if (n != n) return false;
      if (n == 0) n = 0;  // -0 == 0
      key.append(reinterpret_cast<const char*>(&n), sizeof n);
      return true;
    }
    case Kind::String: key += v.as_string(); return true;
    case Kind::Null:
    case Kind::Unknown: return true;
    case Kind::List:
    case Kind::Object:
    case Kind::Resource: return false;
  }
  return false;
}
}  // namespace

uint32_t Program::add_constant(Value v) {
  // Deduplicate scalars; structured constants are rare and kept as they are.
  std::string key;
  auto next = static_cast<uint32_t>(constants.size());
  if (constant_key(v, key)) {
    auto [it, added] = constant_index.try_emplace(std::move(key), next);
    if (!added) return it->second;
  }
  constants.push_back(v);
  return next;
}

std::vector<EntryRef> entries(const Rule& r) {
  std::vector<EntryRef> out;
  if (r.has_guard) out.push_back({&r, "when", r.guard});
  for (size_t i = 0; i < r.asserts.size(); ++i) {
    const Assert& a = r.asserts[i];
    std::string n = "#" + std::to_string(i + 1);
    out.push_back({&r, "assert " + n + " " + a.text, a.entry});
    if (a.has_message) out.push_back({&r, "assert " + n + " message", a.message});
  }
  if (r.has_message) out.push_back({&r, "message", r.message});
  return out;
}

std::vector<EntryRef> entries(const Program& p) {
  std::vector<EntryRef> out;
  for (const Rule& r : p.rules) {
    std::vector<EntryRef> e = entries(r);
    out.insert(out.end(), std::make_move_iterator(e.begin()), std::make_move_iterator(e.end()));
  }
  return out;
}

const Rule* Program::find_rule(std::string_view id) const {
  for (const Rule& r : rules) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

const ExprNode* Program::node(uint32_t id) const {
  auto it = nodes.find(id);
  return it == nodes.end() ? nullptr : &it->second;
}

}  // namespace edict::bytecode
