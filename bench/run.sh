#!/usr/bin/env bash
# The plan-evaluation benchmark: times `edict evaluate --format json` on synthetic Terraform plans of
# growing size against the floor (reading and parsing the same file once with simdjson), and
# records peak memory. Method and results: docs/performance.md.
set -euo pipefail
export LC_ALL=C  # EPOCHREALTIME and awk must use '.' as the decimal point

usage() {
  cat <<'EOF'
usage: bench/run.sh [--sizes "2000 20000 100000"] [--build DIR] [--runs N] [--workdir DIR] [--regen]

  --sizes    resource groups passed to gen_plan.py --resources, one plan per size
  --build    build directory holding edict and edict_bench_parse (default: <repo>/build)
  --runs     timed runs per program and size; the best is reported (default: 3)
  --workdir  where the generated plans and outputs go (default: /tmp/edict-bench)
  --regen    regenerate plans even when a plan of that size is already there

Wall times are whole-process times, so both programs pay for start-up and reading the file.
edict's exit status 1 (failures found) is expected; 2 (could not evaluate) stops the benchmark.
EOF
}

die() { echo "bench/run.sh: $*" >&2; exit 1; }

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
sizes="2000 20000 100000"
build="$repo/build"
runs=3
workdir=/tmp/edict-bench
regen=0
while (($#)); do
  case "$1" in
    --sizes) (($# >= 2)) || die "--sizes needs a value"; sizes=$2; shift 2 ;;
    --build) (($# >= 2)) || die "--build needs a value"; build=$2; shift 2 ;;
    --runs) (($# >= 2)) || die "--runs needs a value"; runs=$2; shift 2 ;;
    --workdir) (($# >= 2)) || die "--workdir needs a value"; workdir=$2; shift 2 ;;
    --regen) regen=1; shift ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $1" ;;
  esac
done
[[ $runs =~ ^[1-9][0-9]*$ ]] || die "--runs must be a positive integer, got '$runs'"
read -r -a size_list <<<"$sizes"
((${#size_list[@]} > 0)) || die "--sizes is empty"
for n in "${size_list[@]}"; do
  [[ $n =~ ^[1-9][0-9]*$ ]] || die "--sizes must be positive integers, got '$n'"
done

generator="$repo/../shared/bench/gen_plan.py"
if [[ ! -f $generator ]]; then
  echo "bench/run.sh: skipped: the plan generator is not at $generator" >&2
  exit 0
fi
command -v python3 >/dev/null || die "python3 is needed to run $generator"

[[ -d $build ]] || die "no build directory '$build' (build first: scripts/build.sh)"
build=$(cd "$build" && pwd)
edict="$build/edict"
baseline="$build/edict_bench_parse"
[[ -x $edict ]] || die "$edict is missing (build first: scripts/build.sh)"
[[ -x $baseline ]] || die "$baseline is missing (cmake --build $build --target edict_bench_parse)"

mkdir -p "$workdir"
errfile="$workdir/stderr.txt"

# Peak RSS: GNU time if it is there, else getrusage() from a small python3 wrapper.
if [[ -x /usr/bin/time ]] && /usr/bin/time -f %M -o /dev/null true 2>/dev/null; then
  rss_tool="GNU time (%M)"
else
  rss_tool="python3 getrusage(RUSAGE_CHILDREN)"
fi

# run_checked OK_CODES CMD...: runs CMD (stdout to $out, stderr to $errfile), dies on another status.
out=/dev/null
run_checked() {
  local ok=$1 rc=0
  shift
  "$@" >"$out" 2>"$errfile" || rc=$?
  if [[ " $ok " != *" $rc "* ]]; then
    cat "$errfile" >&2
    die "'$*' exited with status $rc"
  fi
}

# best_wall OK_CODES CMD...: the best wall time in seconds over $runs runs, in $REPLY.
best_wall() {
  local ok=$1 best="" t0 t1 i
  shift
  for ((i = 0; i < runs; i++)); do
    t0=$EPOCHREALTIME
    run_checked "$ok" "$@"
    t1=$EPOCHREALTIME
    best=$(awk -v a="$t0" -v b="$t1" -v best="$best" \
      'BEGIN { d = b - a; if (best == "" || d < best) best = d; printf "%.6f", best }')
  done
  REPLY=$best
}

# peak_rss_kb OK_CODES CMD...: the peak resident set size of CMD in KiB, in $REPLY.
peak_rss_kb() {
  local ok=$1 rssfile="$workdir/rss.txt"
  shift
  if [[ $rss_tool == GNU* ]]; then
    run_checked "$ok" /usr/bin/time -f %M -o "$rssfile" "$@"
  else
    run_checked "$ok" python3 -c '
import resource, subprocess, sys
rc = subprocess.call(sys.argv[2:])
with open(sys.argv[1], "w") as f:
    print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=f)
sys.exit(rc)' "$rssfile" "$@"
  fi
  # GNU time writes "Command exited with non-zero status N" first when the status is not 0.
  REPLY=$(tail -n 1 "$rssfile")
  [[ $REPLY =~ ^[0-9]+$ ]] || die "could not read the peak RSS from $rssfile"
}

cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
echo "edict plan-evaluation benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "machine: ${cpu:-unknown CPU}, $(nproc) cores, $(uname -sr)"
echo "edict: $edict; best of $runs runs; peak RSS from $rss_tool; plans in $workdir"
echo

rows=()
summaries=()
ratio_at_20k=""
worst_rss=""
for n in "${size_list[@]}"; do
  plan="$workdir/plan-$n.json"
  if ((regen)) || [[ ! -s $plan || $generator -nt $plan ]]; then
    echo "generating $plan ..." >&2
    python3 "$generator" --resources "$n" --out "$plan.tmp" || die "$generator failed for --resources $n"
    mv "$plan.tmp" "$plan"
  fi
  bytes=$(stat -c %s "$plan")

  # The baseline reports the number of resource_changes; -n 1 makes it one cold parse per process.
  out="$workdir/parse-$n.txt"
  run_checked 0 "$baseline" -n 1 "$plan"
  resources=$(sed -n 's/.*resource_changes=\([0-9]*\).*/\1/p' "$out")
  [[ -n $resources ]] || die "edict_bench_parse printed no resource count: $(cat "$out")"
  out=/dev/null
  best_wall 0 "$baseline" -n 1 "$plan"
  parse_s=$REPLY
  peak_rss_kb 0 "$baseline" -n 1 "$plan"
  parse_rss_kb=$REPLY

  echo "evaluating $plan ($resources resources) ..." >&2
  best_wall "0 1" "$edict" evaluate --format json "$plan"
  edict_s=$REPLY
  # One more run for memory, keeping the report to check that edict really evaluated the plan.
  out="$workdir/report-$n.json"
  peak_rss_kb "0 1" "$edict" evaluate --format json "$plan"
  edict_rss_kb=$REPLY
  summary=$(python3 -c '
import json, sys
s = json.load(open(sys.argv[1])).get("summary", {})
print(", ".join(f"{k} {s[k]}" for k in ("pass", "fail", "skip", "unknown", "error") if k in s))' "$out") ||
    die "edict's JSON report for $plan is not valid JSON (see $out)"
  out=/dev/null
  summaries+=("$n: $summary")

  row=$(awk -v n="$n" -v bytes="$bytes" -v res="$resources" -v e="$edict_s" -v p="$parse_s" \
    -v rss="$edict_rss_kb" -v prss="$parse_rss_kb" 'BEGIN {
      mb = bytes / 1e6; rss_mb = rss * 1024 / 1e6; prss_mb = prss * 1024 / 1e6
      printf "| %7d | %8.1f | %9d | %8.3f | %8.3f | %11.2fx | %12.1f | %12.1f | %8.2fx | %7.2f | %12.2f |",
        n, mb, res, e, p, e / p, rss_mb, prss_mb, rss * 1024 / bytes, e / res * 1e6, (e - p) / res * 1e6
    }')
  rows+=("$row")
  if [[ $n == 20000 ]]; then ratio_at_20k=$(awk -v e="$edict_s" -v p="$parse_s" 'BEGIN { printf "%.2f", e / p }'); fi
  worst_rss=$(awk -v r="$edict_rss_kb" -v b="$bytes" -v w="$worst_rss" \
    'BEGIN { x = r * 1024 / b; if (w == "" || x > w) w = x; printf "%.2f", w }')
done

echo
printf "| %7s | %8s | %9s | %8s | %8s | %12s | %12s | %12s | %9s | %7s | %12s |\n" \
  size "file MB" resources "edict s" "parse s" "edict/parse" "edict RSS MB" "parse RSS MB" "RSS/file" "us/res" "extra us/res"
echo "|--------:|---------:|----------:|---------:|---------:|-------------:|-------------:|-------------:|----------:|--------:|-------------:|"
printf '%s\n' "${rows[@]}"
echo
echo "size: gen_plan.py --resources; resources: entries in resource_changes; MB = 10^6 bytes;"
echo "us/res: edict time per resource; extra us/res: (edict - parse) per resource; flat columns mean linear cost."
echo
echo "reports (summary of each edict run):"
printf '  %s\n' "${summaries[@]}"
echo
verdict() { awk -v x="$1" -v t="$2" 'BEGIN { print (x <= t ? "met" : "MISSED") }'; }
if [[ -n $ratio_at_20k ]]; then
  echo "target: edict/parse <= 3x at 20000: ${ratio_at_20k}x ($(verdict "$ratio_at_20k" 3))"
else
  echo "target: edict/parse <= 3x at 20000: not measured (add 20000 to --sizes)"
fi
echo "target: peak RSS <= 3x file size: worst ${worst_rss}x ($(verdict "$worst_rss" 3))"
