#!/usr/bin/env bash
# edict at library scale: plans of 2k-250k resource groups, AWS Config snapshots, templated rule
# sets of 100 and 1000 rules and tiny plans, each compared with a floor measured in the same run
# (simdjson parse of the same file, the file's size, /bin/true). The work is in bench/bench.py;
# method and a recorded run: docs/performance.md.
#
#   bench/run.sh --quick          small sizes, under two minutes
#   bench/run.sh                  the full ladder (generates ~1.5 GB of inputs in /tmp/edict-bench)
#   bench/run.sh --help           every option
set -euo pipefail
export LC_ALL=C
command -v python3 >/dev/null || { echo "bench/run.sh: python3 is needed" >&2; exit 1; }
exec python3 "$(dirname "${BASH_SOURCE[0]}")/bench.py" "$@"
