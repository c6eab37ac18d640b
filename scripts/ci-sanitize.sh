#!/usr/bin/env bash
# CI stage: builds edict with clang, AddressSanitizer and UndefinedBehaviorSanitizer in
# build-sanitize/ (and the libFuzzer harnesses, which scripts/ci-fuzz.sh then runs from the same
# folder), and runs the whole ctest suite under the sanitizers. Also the project's clang build.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${EDICT_SANITIZE_BUILD:-build-sanitize}
jobs=${EDICT_JOBS:-$(nproc)}
scripts/configure-sanitize.sh "$build"
start=$(date +%s)
cmake --build "$build" -j "$jobs"
echo "ci-sanitize: build took $(( $(date +%s) - start )) s"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export LSAN_OPTIONS="suppressions=$PWD/tests/sanitize/lsan.supp:print_suppressions=0"
start=$(date +%s)
(cd "$build" && ctest --output-on-failure -j "$jobs")
echo "ci-sanitize: tests took $(( $(date +%s) - start )) s"
