// Fuzz harness: the waiver file parser (.edict-waivers.yaml). Problems are error strings.
#include <cstddef>
#include <cstdint>
#include <string>

#include "triage/triage.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  edict::triage::WaiverFile out;
  std::string error;
  (void)edict::triage::parse_waivers(std::string(reinterpret_cast<const char*>(data), size), "w.yaml", out, error);
  return 0;
}
