#!/usr/bin/env bash
# The SARIF validation test (ctest: sarif.schema). Renders SARIF logs with the real binary for the
# report fixtures (plain, waivers and baseline, stdin input, shipped rules, no results) and checks
# each against the SARIF 2.1.0 JSON schema (ajv) and with the SARIF Multitool's validator, whose
# errors (not its advisory warnings) fail the test. The validators are npm packages pinned by
# package-lock.json here, installed with `npm ci` into the build directory on first use; if npm
# cannot install them the test is skipped (exit 77) and says why.
# Usage: validate.sh EDICT WORKDIR
set -euo pipefail

edict=$(realpath "$1")
work=$2
here=$(cd "$(dirname "$0")" && pwd)
fixtures=$here/../spec/reports
mkdir -p "$work"

skip() {
  echo "SKIPPED: $*" >&2
  exit 77
}

# Install (again) when the lock file changed since the last install.
if ! cmp -s "$here/package-lock.json" "$work/package-lock.json" || [[ ! -d $work/node_modules/ajv ]]; then
  command -v npm >/dev/null 2>&1 || skip "npm is not installed (scripts/install-deps.sh installs it), so the SARIF validators cannot be installed"
  cp "$here/package.json" "$here/package-lock.json" "$work/"
  if ! (cd "$work" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >npm.log 2>&1); then
    cat "$work/npm.log" >&2
    rm -f "$work/package-lock.json"
    skip "npm ci could not install the SARIF validators (see the npm output above)"
  fi
fi

out=$work/logs
rm -rf "$out"
mkdir -p "$out"
export EDICT_NOW=2026-01-01T00:00:00Z NO_COLOR=1
run() {  # NAME ARGS...: one SARIF log from the report fixtures; exit 0 or 1 (findings) is fine
  local name=$1
  shift
  local rc=0
  (cd "$fixtures" && "$edict" evaluate --format sarif "$@" >"$out/$name.sarif" 2>"$out/$name.stderr") || rc=$?
  if ((rc > 1)); then
    cat "$out/$name.stderr" >&2
    echo "FAIL: edict exited with $rc for $name" >&2
    exit 1
  fi
}
rules=(--rules rules/ci.edict)
run plain "${rules[@]}" inputs/plan.json
run triage "${rules[@]}" --waivers inputs/waivers/valid.yaml --baseline inputs/baseline_partial.json inputs/plan.json
run stdin "${rules[@]}" - <"$fixtures/inputs/plan.json"
run shipped ../../../examples/plan.json
run no_results "${rules[@]}" --rule CI_DB_SIZE --waivers inputs/waivers/empty.yaml inputs/plan.json

status=0
# Copied next to node_modules, where node resolves its requires.
cp "$here/validate.js" "$work/validate.js"
node "$work/validate.js" "$out"/*.sarif || status=1

multitool=$work/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
chmod +x "$multitool" 2>/dev/null || true
for log in "$out"/*.sarif; do
  report=$log.validation
  rm -f "$report"
  if ! "$multitool" validate "$log" --output "$report" >"$log.txt" 2>&1; then
    cat "$log.txt" >&2
    echo "FAIL: the SARIF Multitool could not validate $log" >&2
    status=1
    continue
  fi
  if grep -E ": error (SARIF|JSON|ERR)" "$log.txt"; then
    echo "FAIL: the SARIF Multitool reports errors in $log" >&2
    status=1
  else
    echo "ok   $log (SARIF Multitool: $(grep -c ': warning ' "$log.txt" || true) advisory warnings)"
  fi
done
if ((status == 0)); then
  echo "1 passed, 0 failed"
else
  echo "0 passed, 1 failed"
fi
exit $status
