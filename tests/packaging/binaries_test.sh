#!/usr/bin/env bash
# The evaluate path loads no history libraries: `edict` needs neither libgit2, SQLite nor libedit
# as shared objects (they start up slowly; edict-history holds the first two, libedit is linked
# statically when EDICT_STATIC_DEPS finds its archive), and `edict stream` without edict-history
# beside it is a clear error, not a crash.
# Usage: binaries_test.sh EDICT EDICT_HISTORY STATIC_DEPS(ON|OFF)
set -uo pipefail
edict=$1 helper=$2 static=$3
failed=0 passed=0
fail() { echo "FAIL: $*"; failed=$((failed + 1)); }
ok() { passed=$((passed + 1)); }
command -v readelf >/dev/null || { echo "SKIP: readelf (binutils) is not installed"; exit 77; }

needed=$(readelf -d "$edict" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
for lib in libgit2 libsqlite3 libssh2; do
  if grep -q "^$lib" <<<"$needed"; then fail "edict needs $lib: $needed"; else ok; fi
done
if [[ $static == ON ]]; then
  for lib in libedit libre2 libyaml-cpp; do
    if grep -q "^$lib" <<<"$needed"; then fail "edict needs $lib although EDICT_STATIC_DEPS is on"; else ok; fi
  done
fi
if readelf -d "$helper" | grep -q 'libgit2'; then ok; else fail "edict-history does not link libgit2"; fi

# edict alone, without its helper: stream, diff and --changed-since say what is missing.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$edict" "$tmp/edict"
for args in "stream" "diff" "evaluate --changed-since HEAD --rules $tmp $tmp/none.json"; do
  # shellcheck disable=SC2086
  err=$("$tmp/edict" $args 2>&1 >/dev/null)
  rc=$?
  if [[ $rc -eq 2 && $err == *"runs in edict-history, which is not installed with this edict"* && $err == *"$tmp/edict-history"* ]]; then
    ok
  else
    fail "edict $args without edict-history: exit $rc, stderr: $err"
  fi
done
# Beside it, the same binary runs them.
cp "$helper" "$tmp/edict-history"
err=$("$tmp/edict" stream --repo "$tmp" 2>&1 >/dev/null)
rc=$?
if [[ $rc -eq 2 && $err == *"edict: error:"* && $err != *"edict-history"* ]]; then ok; else fail "stream outside a repository: exit $rc, stderr: $err"; fi
out=$("$tmp/edict" stream --help)
if [[ $out == *"Usage: edict stream"* ]]; then ok; else fail "stream --help through edict-history: $out"; fi

echo "binaries: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
