// Fuzz harness: Cloud Custodian policy file -> the c7n front end -> every compiler pass. Located
// diagnostics are the expected outcome of bad YAML or unsupported filters; a crash, a leak or a
// hang is a bug.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "c7n/frontend.h"
#include "compiler/compiler.h"
#include "lang/diagnostics.h"
#include "lang/source.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace edict;
  auto sources = std::make_shared<lang::SourceManager>();
  sources->add("fuzz.yml", std::string(reinterpret_cast<const char*>(data), size));
  lang::DiagnosticSink sink;
  std::vector<lang::Module> modules = c7n::parse_modules(*sources, sink);
  compiler::CompileResult result = compiler::compile(sources, std::move(modules), sink);
  (void)lang::render_all(sink, *sources, {});
  return 0;
}
