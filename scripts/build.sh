#!/usr/bin/env bash
# Installs missing dependencies, configures (once) and builds edict into build/: every target, or
# only the targets named as arguments (scripts/package.sh builds just `edict`).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
# Developer and CI builds treat warnings as errors (a plain `cmake` build does not): configure
# with it, and turn it on in a build directory configured without it.
if [[ ! -f build/build.ninja ]]; then
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DEDICT_WERROR=ON
elif ! grep -q '^EDICT_WERROR:BOOL=ON$' build/CMakeCache.txt; then
  cmake -S . -B build -DEDICT_WERROR=ON
fi
cmake --build build -j "$(nproc)" ${1:+--target "$@"}
