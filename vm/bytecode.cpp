// Program helpers, the opcode info table and metadata-field names.
#include "vm/bytecode.h"

namespace edict::bytecode {

namespace {
const OpInfo kOps[] = {
#define EDICT_OP_INFO(name, a, b, effect, meaning) {#name, a, b, effect, meaning},
    EDICT_OPCODES(EDICT_OP_INFO)
#undef EDICT_OP_INFO
};

const char* const kMetaNames[] = {"address", "type", "name", "module", "index", "source", "action", "mode", "file"};
}  // namespace

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
