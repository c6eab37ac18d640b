// Tests whose data may be absent (../shared/corpus, ../shared/formats/samples, a built edict) skip
// through here, so that ctest reports them skipped (SKIP_RETURN_CODE) instead of passed.
#pragma once

#include <catch2/catch.hpp>
#include <cstdlib>
#include <string>

namespace edict::testing {

// The exit status of a test binary in which nothing failed but some test case skipped; the
// ctest tests of tests/CMakeLists.txt declare it as their SKIP_RETURN_CODE.
inline constexpr int kSkipReturnCode = 77;

inline bool& skip_flag() {
  static bool skipped = false;
  return skipped;
}

// Ends nothing by itself: the caller returns after it. Records that the running test case could
// not check anything for `reason` (shown as a warning), so that the binary exits with
// kSkipReturnCode. With EDICT_REQUIRE_DATA set (`.ci/run` sets it when CI=true) a skip fails
// the test instead: in CI the data must be there.
inline void skip_test(const std::string& reason) {
  const char* require = std::getenv("EDICT_REQUIRE_DATA");
  if (require != nullptr && *require != '\0') {
    FAIL(reason << " (EDICT_REQUIRE_DATA is set: this test must not be skipped here)");
  }
  WARN("skipped: " << reason);
  skip_flag() = true;
}

}  // namespace edict::testing
