// The text of `edict --version`, from the build information CMake writes on every build.
#include "cli/version.h"

#include "generated/build_info.h"

namespace edict::cli {

std::string version_text() {
  std::string out = std::string("edict ") + EDICT_VERSION + "\n";
  out += std::string("revision: ") + EDICT_GIT_REVISION + "\n";
  out += std::string("build type: ") + EDICT_BUILD_TYPE + "\n";
  // The bytecode VM is always in; a JIT tier is optional and not built yet.
#ifdef EDICT_WITH_JIT
  out += "JIT: yes";
#else
  out += "JIT: no";
#endif
  return out;
}

}  // namespace edict::cli
