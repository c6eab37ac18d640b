// What every run of one program over one finished resource set reads: the program, the set, the
// clock, and the per-type resource lists and join index its instructions ask for. Built once before
// evaluation (engine/evaluate.cpp), then const and shared by every evaluation thread.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "model/joins.h"
#include "model/resource.h"
#include "vm/bytecode.h"

namespace edict::vm {

class Context {
 public:
  // Scans the program for RESOURCES, REFERENCED and REFERRERS and builds what they read, so that
  // no run builds anything shared. `set` must be finished and outlive the context.
  Context(const bytecode::Program& program, const model::ResourceSet& set, int64_t now_unix);
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;

  const bytecode::Program& program() const { return program_; }
  const model::ResourceSet& set() const { return set_; }
  int64_t now() const { return now_; }
  // The resources of the type named by Program::strings[type] (data sources when `data`) as a
  // list value, leaving out those being destroyed. Null for a type the program never lists.
  Value resources_of(uint32_t type, bool data) const {
    const std::vector<Value>& lists = data ? data_lists_ : managed_lists_;
    return type < lists.size() ? lists[type] : Value::null();
  }
  const model::JoinIndex& joins() const { return joins_; }

 private:
  void add_list(uint32_t type, bool data);

  const bytecode::Program& program_;
  const model::ResourceSet& set_;
  int64_t now_;
  std::unique_ptr<Arena> arena_ = std::make_unique<Arena>();  // the lists' items
  std::vector<Value> managed_lists_, data_lists_;              // by string index; null: not listed
  model::JoinIndex joins_;
};

}  // namespace edict::vm
