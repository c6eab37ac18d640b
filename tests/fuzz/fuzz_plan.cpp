// Fuzz harness: a Terraform plan or state (any JSON) -> the loaders -> the shipped rules. Bad
// input must be an InputError; anything else escaping, a crash, a leak or a hang is a bug.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "compiler/compiler.h"
#include "engine/evaluate.h"
#include "engine/rule_sources.h"
#include "loaders/loader.h"

namespace {
const edict::bytecode::Program& shipped_rules() {
  static std::unique_ptr<edict::bytecode::Program> program = [] {
    auto sources = std::make_shared<edict::lang::SourceManager>();
    edict::engine::add_builtin_rules(*sources);
    edict::lang::DiagnosticSink sink;
    return std::move(edict::compiler::compile(sources, sink).program);
  }();
  return *program;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace edict;
  const bytecode::Program& program = shipped_rules();
  model::ResourceSet set;
  try {
    loaders::load_text(set, std::string_view(reinterpret_cast<const char*>(data), size), "plan.json");
  } catch (const loaders::InputError&) {
    return 0;
  }
  set.finish();
  engine::EvalOptions opts;
  opts.now_unix = 1700000000;
  (void)engine::evaluate(program, set, opts);
  return 0;
}
