#!/usr/bin/env bash
# Bash completion as a shell uses it: source the generated script, fill COMP_WORDS/COMP_CWORD as
# readline would, call _edict and compare COMPREPLY. Usage: bash_completion_test.sh edict.bash
set -uo pipefail
source "$1" || { echo "cannot source $1"; exit 1; }
passed=0 failed=0

# complete LINE... -- EXPECTED...: the words of the command line (the last one is being typed).
check() {
  local words=() expected=()
  while [[ $1 != -- ]]; do words+=("$1"); shift; done
  shift
  expected=("$@")
  COMP_WORDS=("${words[@]}")
  COMP_CWORD=$((${#words[@]} - 1))
  COMPREPLY=()
  _edict
  local got
  got=$(printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' ')
  local want
  want=$(printf '%s\n' "${expected[@]}" | sort | tr '\n' ' ')
  if [[ $got == "$want" ]]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL: '${words[*]}': got [$got] want [$want]"
  fi
}

[[ $(complete -p edict) == *"-F _edict"* ]] || { echo "FAIL: no 'complete -F _edict edict'"; failed=$((failed + 1)); }

# Subcommands, from the top and by prefix.
check edict "" -- evaluate check disasm eval explain test repl stream diff baseline config-rule drift builtins rules custodian
check edict ev -- evaluate eval
check edict con -- config-rule
check edict baseline "" -- create
# --format values of evaluate, as a separate word and after '=' (bash splits at it).
check edict evaluate --format "" -- text json sarif junit github markdown
check edict evaluate --format s -- sarif
check edict evaluate --format = "" -- text json sarif junit github markdown
check edict evaluate --format = j -- json junit
# Another subcommand's --format has its own values.
check edict stream --format "" -- text json jsonl
check edict diff --format "" -- text json policies
# Options of the subcommand found behind other options and their values.
check edict evaluate --rules rules --format sarif --fail -- --fail-on
check edict evaluate --no-color --qu -- --quiet
check edict config-rule --ru -- --rule --rules
check edict baseline create --out -- --output
check edict --ver -- --version
# The hidden generator is not offered.
check edict __ --

# A file name where a path goes: a value-taking option without choices, and a positional.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
touch "$tmp/plan.json"
check edict evaluate --rules "$tmp/pl" -- "$tmp/plan.json"
check edict evaluate "$tmp/pl" -- "$tmp/plan.json"

echo "bash completion: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
