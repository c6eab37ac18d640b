// Fuzz harness: AWS Config items and Cloud Custodian resources.json -> the live-snapshot loaders
// (type mappings, history captures), through the loaders' own format detection (a document that
// is not a live snapshot goes to the plan loaders). Bad input must be an InputError.
#include <cstddef>
#include <cstdint>
#include <string>

#include "loaders/loader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace edict;
  model::ResourceSet set;
  try {
    (void)loaders::load_text(set, std::string_view(reinterpret_cast<const char*>(data), size), "live.json");
  } catch (const loaders::InputError&) {
    return 0;
  }
  set.finish();
  return 0;
}
