// Fuzz harness: the rule-test YAML reader (*.test.yaml), through a temporary file since the
// reader takes a path. A problem must come back as an error string, never as a crash.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "ruletest/ruletest.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string path = "/tmp/edict-fuzz-ruletest-" + std::to_string(getpid()) + ".test.yaml";
  FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) return 0;
  std::fwrite(data, 1, size, f);
  std::fclose(f);
  edict::ruletest::TestFile file;
  std::string error;
  (void)edict::ruletest::load_test_file(path, file, error);
  return 0;
}
