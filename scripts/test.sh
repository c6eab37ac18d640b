#!/usr/bin/env bash
# Installs, builds and runs every test (unit, spec, golden, conformance) through ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
cd build
ctest --output-on-failure -j "$(nproc)"
