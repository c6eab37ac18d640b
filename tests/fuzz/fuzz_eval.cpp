// Fuzz harness: an expression and a JSON document (separated by the first newline) -> compile ->
// run, as `edict eval` does, with a small budget so that every input finishes quickly.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "compiler/compiler.h"
#include "loaders/json.h"
#include "vm/interpreter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace edict;
  std::string_view all(reinterpret_cast<const char*>(data), size);
  size_t nl = all.find('\n');
  std::string expr(all.substr(0, nl));
  std::string_view doc = nl == std::string_view::npos ? std::string_view() : all.substr(nl + 1);
  auto sources = std::make_shared<lang::SourceManager>();
  uint32_t file = sources->add("<expr>", expr);
  lang::DiagnosticSink sink;
  compiler::ExpressionResult compiled = compiler::compile_expression(sources, file, sink);
  if (!compiled.program) return 0;
  model::ResourceSet set;
  Value self;
  std::string error;
  if (!doc.empty() && !loaders::parse_json(set.arena(), doc, self, error)) return 0;
  set.finish();
  vm::Interpreter vm(*compiled.program, set, 1700000000);
  vm::Budget budget;
  budget.max_steps = 200000;
  budget.max_memory = size_t{16} << 20;
  vm.set_budget(budget);
  Value out;
  if (vm.run_value(compiled.entry, self, out)) (void)to_display(out, 10000);
  return 0;
}
