#!/usr/bin/env python3
"""The engine-at-scale benchmark behind bench/run.sh (see docs/performance.md for the method).

Every case times whole `edict evaluate` processes and compares them with floors measured on the
same machine in the same run: the simdjson read-plus-parse of the same file (edict_bench_parse),
the file's size (for peak RSS), and /bin/true (for start-up). Inputs come from bench/gen_inputs.py
(seeded) and are cached in the work directory until the generator changes.
"""
import argparse
import json
import math
import os
import re
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
GEN = os.path.join(HERE, "gen_inputs.py")

FULL = {"plans": [2000, 20000, 100000, 250000], "configs": [10000, 100000], "rules": [100, 1000],
        "rules_plan": 20000, "small": [1, 10, 100], "runs": 3, "small_runs": 21}
ONE_RULE = "s3-block-public-access"  # a library rule on a type every generated input holds
QUICK = {"plans": [2000, 20000], "configs": [10000], "rules": [100], "rules_plan": 2000,
         "small": [1, 10, 100], "runs": 2, "small_runs": 11}


def die(msg):
    print(f"bench/run.sh: {msg}", file=sys.stderr)
    sys.exit(1)


def run(cmd, ok=(0,), out=None, env=None):
    """Runs cmd once: (wall seconds, peak RSS bytes, stderr text)."""
    with open(out or os.devnull, "wb") as fout:
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=fout, stderr=subprocess.PIPE, env=env)
        err = p.stderr.read()
        _, status, usage = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode not in ok:
        sys.stderr.write(err.decode(errors="replace"))
        die(f"'{' '.join(cmd)}' exited with status {p.returncode}")
    return wall, usage.ru_maxrss * 1024, err.decode(errors="replace")


def best(cmd, runs, ok=(0,), out=None, env=None):
    """The best wall time over `runs` runs, the largest peak RSS, and the stderr of the best run."""
    results = [run(cmd, ok, out, env) for _ in range(runs)]
    wall, _, err = min(results, key=lambda r: r[0])
    return wall, max(r[1] for r in results), err


def phases(stderr):
    """EDICT_TIMING's `phase NAME: MS ms` lines, in seconds."""
    return {m.group(1): float(m.group(2)) / 1000 for m in re.finditer(r"^phase (\w+): ([0-9.]+) ms$", stderr, re.M)}


class Bench:
    def __init__(self, args, sizes):
        self.args, self.sizes = args, sizes
        self.edict = os.path.join(args.build, "edict")
        self.floor_bin = os.path.join(args.build, "edict_bench_parse")
        for b in (self.edict, self.floor_bin):
            if not os.access(b, os.X_OK):
                die(f"{b} is missing (cmake --build {args.build} --target edict edict_bench_parse)")
        os.makedirs(args.workdir, exist_ok=True)
        help_text = subprocess.run([self.edict, "evaluate", "--help"], capture_output=True, text=True).stdout
        self.has_jobs = "--jobs" in help_text
        self.env = dict(os.environ, EDICT_TIMING="1", LC_ALL="C")

    def path(self, name):
        return os.path.join(self.args.workdir, name)

    def generate(self, name, gen_args):
        """The input `name` in the work directory, generated unless it is newer than the generator."""
        target = self.path(name)
        fresh = os.path.exists(target) and os.path.getmtime(target) >= os.path.getmtime(GEN)
        if not fresh or self.args.regen:
            print(f"generating {target} ...", file=sys.stderr)
            tmp = target + ".tmp"
            subprocess.run([sys.executable, GEN] + gen_args + ["--out", tmp], check=True, stdout=subprocess.DEVNULL)
            os.replace(tmp, target)
        return target

    def floor(self, path):
        wall, rss, _ = best([self.floor_bin, "-n", "1", path], self.sizes["runs"])
        return wall, rss

    def evaluate(self, label, path, extra=(), jobs=None):
        """One case: best wall of `edict evaluate --format json`, its phases, peak RSS and counts."""
        cmd = [self.edict, "evaluate", "--format", "json"] + list(extra)
        if jobs is not None:
            cmd += ["--jobs", str(jobs)]
        cmd.append(path)
        report = self.path("report-" + re.sub(r"[^A-Za-z0-9]+", "-", label) + ".json")
        wall, rss, err = best(cmd, self.sizes["runs"], ok=(0, 1), out=report, env=self.env)
        # Read in a child process: loading a large report here would grow this process, and the
        # peak RSS that Linux reports for later children starts from their parent's (vfork + exec).
        got = subprocess.run([sys.executable, "-c", "import json, sys; "
                              "print(json.dumps(json.load(open(sys.argv[1])).get('summary', {})))", report],
                             capture_output=True, text=True)
        if got.returncode != 0:
            die(f"edict's JSON report for {path} is not valid JSON (see {report})")
        summary = json.loads(got.stdout)
        counts = {k: summary.get(k, 0) for k in ("pass", "fail", "skip", "unknown", "error")}
        return {"wall": wall, "rss": rss, "phases": phases(err), "counts": counts,
                "evaluations": sum(counts.values()) - counts["skip"]}

    def case(self, label, path, extra=(), floor=None):
        size = os.path.getsize(path)
        fwall, frss = floor or self.floor(path)
        r = self.evaluate(label, path, extra, jobs=1 if self.has_jobs else None)
        r.update(label=label, bytes=size, floor=fwall, floor_rss=frss)
        ev = r["phases"].get("evaluate")
        r["rate"] = r["evaluations"] / ev if ev else None
        return r


def fmt_rate(x):
    return "n/a" if not x else f"{x / 1e6:.2f} M"


def table(rows):
    head = ["case", "file MB", "resources*rules", "edict s", "floor s", "edict/floor", "RSS MB", "RSS/file",
            "load s", "load/floor", "index s", "eval s", "report s", "evals/s/core"]
    print("| " + " | ".join(head) + " |")
    print("|" + "|".join("---:" if i else "---" for i in range(len(head))) + "|")
    for r in rows:
        ph = r["phases"]
        cells = [r["label"], f"{r['bytes'] / 1e6:.1f}", str(r["evaluations"]), f"{r['wall']:.3f}", f"{r['floor']:.3f}",
                 f"{r['wall'] / r['floor']:.2f}x", f"{r['rss'] / 1e6:.0f}", f"{r['rss'] / r['bytes']:.2f}x",
                 f"{ph['load']:.3f}" if "load" in ph else "-",
                 f"{ph['load'] / r['floor']:.2f}x" if "load" in ph else "-",
                 *(f"{ph[k]:.3f}" if k in ph else "-" for k in ("index", "evaluate", "report")),
                 fmt_rate(r["rate"])]
        print("| " + " | ".join(cells) + " |")


def exponent(points):
    """Least-squares slope of log(time) over log(size)."""
    if len(points) < 2:
        return None
    xs = [math.log(n) for n, _ in points]
    ys = [math.log(t) for _, t in points]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    den = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / den if den else None


def main():
    ap = argparse.ArgumentParser(prog="bench/run.sh", description="edict at library scale")
    ap.add_argument("--quick", action="store_true", help="small sizes only (under two minutes)")
    ap.add_argument("--build", default=os.path.join(REPO, "build"), help="build directory (default: <repo>/build)")
    ap.add_argument("--workdir", default="/tmp/edict-bench", help="generated inputs and reports")
    ap.add_argument("--regen", action="store_true", help="regenerate inputs even when cached")
    ap.add_argument("--plans", help="plan sizes in resource groups, e.g. '200 2000' (overrides the mode)")
    ap.add_argument("--configs", help="AWS Config snapshot sizes in items (overrides the mode)")
    ap.add_argument("--rules", help="templated rule-set sizes (overrides the mode); '' for none")
    ap.add_argument("--small", help="tiny plan sizes in groups, timed against /bin/true (overrides the mode)")
    ap.add_argument("--runs", type=int, help="timed runs per case; the best is kept")
    ap.add_argument("--small-runs", type=int, help="runs per tiny plan; the median is kept")
    args = ap.parse_args()
    sizes = dict(QUICK if args.quick else FULL)
    for key in ("plans", "configs", "rules", "small"):
        value = getattr(args, key)
        if value is not None:
            sizes[key] = [int(v) for v in value.split()]
    if args.runs:
        sizes["runs"] = args.runs
    if args.small_runs:
        sizes["small_runs"] = args.small_runs
    if sizes["plans"]:
        sizes["rules_plan"] = min(sizes["rules_plan"], max(sizes["plans"]))
    args.build = os.path.abspath(args.build)
    b = Bench(args, sizes)

    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "unknown")
    print(f"edict benchmark ({'quick' if args.quick else 'full'}), {time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime())}")
    print(f"machine: {cpu}, {os.cpu_count()} cores, {os.uname().sysname} {os.uname().release}")
    print(f"edict: {b.edict}; best of {sizes['runs']} runs; rules: the embedded library unless named; "
          f"evaluate phase {'with --jobs 1' if b.has_jobs else 'single-threaded (no --jobs)'}")
    print()

    rows, ladder, ladder1, floors = [], [], [], {}
    for n in sizes["plans"]:
        path = b.generate(f"plan-{n}.json", ["plan", "--groups", str(n)])
        floors[n] = b.floor(path)
        r = b.case(f"plan {n}", path, floor=floors[n])
        rows.append(r)
        ladder.append(r)
        # One rule: what loading and indexing cost, without the results of 291 rules.
        rows.append(b.case(f"plan {n}, 1 rule", path, ["--rule", ONE_RULE], floor=floors[n]))
        ladder1.append((n, rows[-1]["wall"]))
    for n in sizes["configs"]:
        path = b.generate(f"config-{n}.json", ["config", "--items", str(n)])
        floor = b.floor(path)
        rows.append(b.case(f"config {n}", path, floor=floor))
        rows.append(b.case(f"config {n}, 1 rule", path, ["--rule", ONE_RULE], floor=floor))
    rn = sizes["rules_plan"]
    if sizes["rules"] and rn:
        plan = b.generate(f"plan-{rn}.json", ["plan", "--groups", str(rn)])
        for count in sizes["rules"]:
            rules_dir = b.path(f"rules-{count}")
            stamp = os.path.join(rules_dir, ".done")
            if args.regen or not os.path.exists(stamp) or os.path.getmtime(stamp) < os.path.getmtime(GEN):
                subprocess.run([sys.executable, GEN, "rules", "--count", str(count), "--library",
                                os.path.join(REPO, "rules"), "--out", rules_dir], check=True, stdout=subprocess.DEVNULL)
                open(stamp, "w").close()
            rows.append(b.case(f"{count} rules, plan {rn}", plan, ["--rules", rules_dir],
                               floor=floors.get(rn) or b.floor(plan)))
    table(rows)
    print()
    print("edict/floor: wall time over edict_bench_parse (read + simdjson DOM parse of the same file, one process);")
    print("RSS/file: peak RSS over the file size; resources*rules: (resource, rule) evaluations with a verdict")
    print("(skips not counted); phases from EDICT_TIMING (load/floor: the load phase over the floor's whole")
    print("process); evals/s/core: evaluations / evaluate phase.")
    print()

    targets = []
    if len(ladder) >= 2:
        # Per-resource linearity: fit over the number of resources each plan holds.
        pts = [(int(r["label"].split()[1]), r["wall"]) for r in ladder]
        e = exponent(pts)
        idx = exponent([(n, r["phases"].get("index", 0) + r["phases"].get("evaluate", 0) or 1e-9)
                        for (n, _), r in zip(pts, ladder)])
        lo, hi = ladder[0]["label"].split()[1], ladder[-1]["label"].split()[1]
        print(f"scaling exponent {lo} -> {hi} groups (least-squares slope of log wall over log size): {e:.3f}; "
              f"index+evaluate phases: {idx:.3f}")
        print(f"scaling exponent {lo} -> {hi} groups with one rule (loading and indexing): {exponent(ladder1):.3f}")
        targets.append(("scaling exponent 2k->250k", e, 1.02, lo == "2000" and hi == "250000"))
    if b.has_jobs and sizes["plans"]:
        n = sizes["rules_plan"]
        path = b.path(f"plan-{n}.json")
        one = b.evaluate("jobs1", path, jobs=1)["phases"].get("evaluate")
        two = b.evaluate("jobs2", path, jobs=2)["phases"].get("evaluate")
        sp = one / two if one and two else None
        print(f"--jobs 2 over --jobs 1, evaluate phase, plan {n}: " + (f"{sp:.2f}x" if sp else "n/a"))
        if sp:
            targets.append(("--jobs 2 speed-up (evaluate phase)", sp, 1.8, True, ">="))
    else:
        print("--jobs 2 over --jobs 1: n/a (edict evaluate has no --jobs)")

    if not sizes["small"]:
        print_targets(targets, rows)
        return
    true_runs = [run(["/bin/true"])[0] for _ in range(sizes["small_runs"])]
    t_true = statistics.median(true_runs)
    smalls = []
    for n in sizes["small"]:
        path = b.generate(f"small-{n}.json", ["plan", "--groups", str(n)])
        walls = [run([b.edict, "evaluate", "--format", "json", path], ok=(0, 1))[0] for _ in range(sizes["small_runs"])]
        smalls.append((n, statistics.median(walls)))
    print(f"small plans, median of {sizes['small_runs']} runs, over /bin/true ({t_true * 1e3:.2f} ms): " +
          ", ".join(f"{n} groups {t * 1e3:.2f} ms = {t / t_true:.1f}x" for n, t in smalls))
    if sizes["small"][0] == 1:
        targets.append(("1-resource plan over /bin/true", smalls[0][1] / t_true, 3.0, True))
    print_targets(targets, rows)


def print_targets(targets, rows):
    """The issue's targets that this run measured, each met or MISSED."""
    print()
    by = {r["label"]: r for r in rows}
    for n in (20000, 100000):
        if f"plan {n}" in by:
            r = by[f"plan {n}"]
            targets.append((f"library on plan {n} over floor", r["wall"] / r["floor"], 1.5, True))
    if "1000 rules, plan 20000" in by:
        r = by["1000 rules, plan 20000"]
        targets.append(("1000 rules on plan 20000 over floor", r["wall"] / r["floor"], 3.0, True))
        targets.append(("1000 rules on plan 20000, RSS over file", r["rss"] / r["bytes"], 2.0, True))
    if "config 100000" in by:
        r = by["config 100000"]
        targets.append(("config 100000 over floor", r["wall"] / r["floor"], 1.5, True))
        targets.append(("config 100000, RSS over file", r["rss"] / r["bytes"], 2.0, True))
    rates = [r["rate"] for r in rows if r["rate"]]
    if rates:
        targets.append(("evaluations/s/core (best case, M)", max(rates) / 1e6, 20.0, True, ">="))
    for t in targets:
        name, value, limit, complete = t[:4]
        op = t[4] if len(t) > 4 else "<="
        met = value >= limit if op == ">=" else value <= limit
        note = "" if complete else " (not the full range: run without --quick)"
        print(f"target: {name} {op} {limit:g}: {value:.2f} ({'met' if met else 'MISSED'}){note}")


if __name__ == "__main__":
    main()
