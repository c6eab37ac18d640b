// Context: one linear scan of the program's code decides which resource lists and join indexes to
// build; the interpreter then only reads them.
#include "vm/context.h"

namespace edict::vm {

using bytecode::OpCode;

Context::Context(const bytecode::Program& program, const model::ResourceSet& set, int64_t now_unix)
    : program_(program), set_(set), now_(now_unix) {
  for (const bytecode::Instr& in : program.code) {
    switch (in.op) {
      case OpCode::RESOURCES: add_list(in.b, in.a == 1); break;
      case OpCode::REFERENCED: add_list(in.a, false); break;  // an ambiguous `refers` reads every candidate
      case OpCode::REFERRERS: joins_.add(set, program.strings[in.a], in.b); break;
      default: break;
    }
  }
}

void Context::add_list(uint32_t type, bool data) {
  std::vector<Value>& lists = data ? data_lists_ : managed_lists_;
  if (type < lists.size() && !lists[type].is_null()) return;
  if (lists.size() <= type) lists.resize(program_.strings.size());
  std::vector<Value> items;
  for (uint32_t id : set_.of_type(program_.strings[type], data ? model::Mode::Data : model::Mode::Managed)) {
    const model::Resource& r = set_.resources()[id];
    // Resources being destroyed cannot satisfy or violate anything after apply.
    if (r.action == model::Action::Delete) continue;
    items.push_back(Value::resource(&r));
  }
  lists[type] = Value::list(*arena_, items);
}

}  // namespace edict::vm
