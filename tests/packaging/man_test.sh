#!/usr/bin/env bash
# Every generated man page renders with `man -l` without a groff or man warning, and has the
# sections a reader looks for. Usage: man_test.sh MAN_DIR
set -uo pipefail
command -v man >/dev/null || { echo "skipped: man is not installed (apt-get install man-db)"; exit 77; }
passed=0 failed=0
shopt -s nullglob
pages=("$1"/*.1)
[[ ${#pages[@]} -gt 0 ]] || { echo "FAIL: no man pages in $1"; exit 1; }
for page in "${pages[@]}"; do
  err=$(mktemp)
  out=$(MANWIDTH=80 MAN_KEEP_FORMATTING= man --warnings -l "$page" 2>"$err")
  status=$?
  problems=""
  [[ $status -eq 0 ]] || problems+=" exit $status;"
  [[ -s $err ]] && problems+=" warnings: $(tr '\n' ' ' <"$err");"
  for section in NAME SYNOPSIS DESCRIPTION "SEE ALSO"; do
    grep -q "^$section" <<<"$out" || problems+=" no $section;"
  done
  rm -f "$err"
  if [[ -z $problems ]]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $page:$problems"; fi
done
echo "man pages: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
