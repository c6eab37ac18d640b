#!/usr/bin/env bash
# `edict --version`: the version from CMakeLists.txt, the git revision the binary was built from
# (when the source is a git checkout), the build type and the JIT tier.
# Usage: version_test.sh EDICT SOURCE_DIR BUILD_TYPE
set -uo pipefail
out=$("$1" --version) || { echo "FAIL: --version exited $?"; exit 1; }
failed=0
fail() { echo "FAIL: $*"; echo "$out"; failed=$((failed + 1)); }
version=$(sed -n 's/^project(edict VERSION \([0-9.]*\).*/\1/p' "$2/CMakeLists.txt")
[[ $(sed -n 1p <<<"$out") == "edict $version" ]] || fail "first line is not 'edict $version'"
rev=$(sed -n 's/^revision: //p' <<<"$out")
if head=$(git -C "$2" rev-parse --short=12 HEAD 2>/dev/null); then
  [[ ${rev%-dirty} == "$head" ]] || fail "revision '$rev' is not HEAD ($head)"
else
  [[ $rev == unknown ]] || fail "revision '$rev' outside a git checkout"
fi
[[ $(sed -n 's/^build type: //p' <<<"$out") == "$3" ]] || fail "build type is not $3"
grep -qx "JIT: no" <<<"$out" || fail "no 'JIT: no' line"
[[ $failed -eq 0 ]] && echo "version: 1 passed, 0 failed"
[[ $failed -eq 0 ]]
