// Fuzz harness: the scan state reader (`evaluate --state`), through a temporary file since the
// reader takes a path. A bad file must be an InputError.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "engine/scan_state.h"
#include "loaders/loader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string path = "/tmp/edict-fuzz-state-" + std::to_string(getpid()) + ".json";
  FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) return 0;
  std::fwrite(data, 1, size, f);
  std::fclose(f);
  try {
    (void)edict::engine::read_state(path);
  } catch (const edict::loaders::InputError&) {
  }
  return 0;
}
