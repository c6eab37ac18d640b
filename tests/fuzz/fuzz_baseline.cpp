// Fuzz harness: the baseline file parser (versioned JSON). Problems are error strings.
#include <cstddef>
#include <cstdint>
#include <string>

#include "triage/triage.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  edict::triage::Baseline out;
  std::string error;
  (void)edict::triage::parse_baseline(std::string(reinterpret_cast<const char*>(data), size), "b.json", out, error);
  return 0;
}
