// Fuzz harness: rule source -> every compiler pass -> disassembly. Diagnostics are the expected
// outcome of bad source; a crash, a leak or a hang is a bug.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "compiler/compiler.h"
#include "lang/diagnostics.h"
#include "lang/source.h"
#include "vm/bytecode.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace edict;
  auto sources = std::make_shared<lang::SourceManager>();
  sources->add("fuzz.edict", std::string(reinterpret_cast<const char*>(data), size));
  lang::DiagnosticSink sink;
  compiler::CompileResult result = compiler::compile(sources, sink);
  (void)lang::render_all(sink, *sources, {});
  if (result.program) (void)bytecode::disassemble(*result.program);
  return 0;
}
