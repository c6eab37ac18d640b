#!/usr/bin/env bash
# CI stage: builds the libFuzzer harnesses (tests/fuzz/) in build-sanitize/ and runs each for a
# fixed time from seed corpora read in place (spec tests, examples, ../shared/corpus when there).
# Fails on any crash, leak, timeout (-timeout) or OOM (-rss_limit_mb). See docs/testing.md.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${EDICT_SANITIZE_BUILD:-build-sanitize}
seconds=${EDICT_FUZZ_SECONDS:-45}
jobs=${EDICT_JOBS:-$(nproc)}
scripts/configure-sanitize.sh "$build"
cmake --build "$build" -j "$jobs" --target fuzz
export ASAN_OPTIONS="detect_leaks=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export LSAN_OPTIONS="suppressions=$PWD/tests/sanitize/lsan.supp"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Seed files per harness, listed (not copied): libFuzzer reads them with -seed_inputs=@LIST and
# writes what it discovers only into the fresh corpus folder.
seeds() {  # harness -> find expressions
  case $1 in
    rules) echo "tests/spec rules examples -name *.edict" ;;
    policy) echo "tests/spec/c7n examples -name *.yml" ;;
    plan) echo "tests/spec examples ../shared/corpus -name *.json" ;;
    live) echo "tests/spec tests/loaders_live ../shared/corpus -name *.json" ;;
    eval) echo "tests/spec/expr -name *.test" ;;
    ruletest) echo "rules tests/spec tests/ruletest -name *.test.yaml" ;;
    waivers) echo "tests/spec examples -name *waiver*" ;;
    baseline) echo "tests/spec examples -name *baseline*" ;;
    state) echo "tests/spec tests/engine -name *state*" ;;
  esac
}

run_one() {
  local name=$1 list="$work/$1.seeds" corpus="$work/$1.corpus"
  mkdir -p "$corpus"
  local -a spec
  read -r -a spec <<<"$(seeds "$name")"
  local -a dirs=() expr=()
  for w in "${spec[@]}"; do
    if [[ $w == -name ]]; then expr+=("$w"); elif [[ ${#expr[@]} -gt 0 ]]; then expr+=("$w"); elif [[ -e $w ]]; then dirs+=("$w"); fi
  done
  find "${dirs[@]}" -type f "${expr[@]}" -size -256k 2>/dev/null | sort >"$list" || true
  # An empty seed list is fine: libFuzzer starts from an empty input.
  local seed_arg=()
  [[ -s $list ]] && seed_arg=("-seed_inputs=@$list")
  if "$build/tests/fuzz/fuzz_$name" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
      -print_final_stats=1 -artifact_prefix="$work/$name-" "${seed_arg[@]}" "$corpus" >"$work/$name.log" 2>&1; then
    echo "fuzz_$name: ok ($(wc -l <"$list") seeds, $(grep -o 'stat::number_of_executed_units: *[0-9]*' "$work/$name.log" | grep -o '[0-9]*$') runs)"
  else
    echo "fuzz_$name: FAILED"
    tail -n 60 "$work/$name.log"
    for a in "$work/$name-"*; do [[ -e $a ]] && { echo "artifact $a:"; head -c 2000 "$a" | od -c | head -20; }; done
    return 1
  fi
}

start=$(date +%s)
failed=0
harnesses=(rules policy plan live eval ruletest waivers baseline state)
# Two at a time (the CI machine has two cores).
for ((i = 0; i < ${#harnesses[@]}; i += jobs)); do
  pids=()
  for ((j = i; j < i + jobs && j < ${#harnesses[@]}; ++j)); do
    run_one "${harnesses[j]}" &
    pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p" || failed=1; done
done
echo "ci-fuzz: runs took $(( $(date +%s) - start )) s"
exit $failed
