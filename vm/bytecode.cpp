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
  for (uint32_t i = 0; i < strings.size(); ++i) {
    if (strings[i] == s) return i;
  }
  strings.push_back(std::move(s));
  return static_cast<uint32_t>(strings.size() - 1);
}

uint32_t Program::add_constant(Value v) {
  // Deduplicate scalars; structured constants are rare and kept as they are.
  if (v.kind() != Kind::List && v.kind() != Kind::Object) {
    for (uint32_t i = 0; i < constants.size(); ++i) {
      if (constants[i].kind() == v.kind() && equal(constants[i], v)) return i;
    }
  }
  constants.push_back(v);
  return static_cast<uint32_t>(constants.size() - 1);
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
