#!/usr/bin/env bash
# The zsh and fish completion scripts parse in their own shells (zsh -n, fish --no-execute).
# Usage: shells_test.sh COMPLETIONS_DIR. Exit 77 (skipped) when neither shell is installed.
set -uo pipefail
ran=0 failed=0
if command -v zsh >/dev/null; then
  ran=$((ran + 1))
  zsh -n "$1/_edict" || { echo "FAIL: zsh -n $1/_edict"; failed=$((failed + 1)); }
fi
if command -v fish >/dev/null; then
  ran=$((ran + 1))
  fish --no-execute "$1/edict.fish" || { echo "FAIL: fish --no-execute $1/edict.fish"; failed=$((failed + 1)); }
  # Loaded for real, fish lists the subcommands for `edict ` and evaluate's formats.
  got=$(fish -c "source $1/edict.fish; complete -C 'edict evaluate --format '" | cut -f1 | sort | tr '\n' ' ')
  [[ $got == "github json junit markdown sarif text " ]] || { echo "FAIL: fish --format: [$got]"; failed=$((failed + 1)); }
  got=$(fish -c "source $1/edict.fish; complete -C 'edict conf'" | cut -f1)
  [[ $got == config-rule ]] || { echo "FAIL: fish 'edict conf': [$got]"; failed=$((failed + 1)); }
fi
[[ $ran -gt 0 ]] || { echo "skipped: neither zsh nor fish is installed"; exit 77; }
echo "shell completions: $((ran - failed)) passed, $failed failed"
[[ $failed -eq 0 ]]
