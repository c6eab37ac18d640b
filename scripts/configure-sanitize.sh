#!/usr/bin/env bash
# Configures (once) the clang + ASan/UBSan + libFuzzer build folder that ci-sanitize.sh and
# ci-fuzz.sh share: one configuration, so the two stages compile the project once.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-sanitize}
if [[ -f $build/build.ninja ]]; then exit 0; fi
sanitize="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
# -O1 and line tables only: sanitized code is slow to compile at -O2 -g, and stack traces need
# no more than lines.
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" \
  -DCMAKE_CXX_FLAGS="$sanitize" -DCMAKE_C_FLAGS="$sanitize" \
  -DCMAKE_EXE_LINKER_FLAGS="$sanitize" -DCMAKE_SHARED_LINKER_FLAGS="$sanitize" \
  -DEDICT_FUZZ=ON
