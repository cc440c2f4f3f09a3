#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""The pipeline's time is linear in the input, on the inputs that made it quadratic.

Usage: complexity_test.py DATELINE_BINARY [--small BYTES] [--large BYTES] [--max-ratio R]
                          [--max-seconds S] [--kinds k1,k2,...]

For each kind of gen_inputs.py (ordinary prose, the linear baseline, and the pathological
ones: no commas or line breaks, runs of quote marks, emoji, digits, nested tags, many time
expressions, many names) it generates a 64 KB and a 1 MB article and runs the whole
pipeline (`dateline extract`) on them. Times are CPU seconds of the child process (user +
system: on a shared machine they vary far less than wall time), less the time the same
command takes on a one-line article (loading the models), measured in the same run. The
64 KB input is given several times in one command so that its time is well above the
timer's noise. Each pathological 1 MB input must take at most --max-ratio (20) times its
64 KB input (linear is 16, quadratic 256) and at most --max-seconds (5) seconds. The prose
baseline's ratio is printed beside them and held to --max-baseline-ratio (24): ordinary
prose measures 17 to 21 on a loaded machine, as the larger working set leaves the caches
and the O(n log n) indexes add their log factor. A failing 1 MB time is measured twice
more and the least taken: on a shared machine CPU time only ever grows with load.
"""
import argparse
import math
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_inputs  # noqa: E402


def cpu_seconds(cmd):
    """CPU time (user + system) of running `cmd`, its output discarded."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    err = proc.stderr.read().decode("utf-8", "replace")
    proc.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):  # 1: an input was reported (none should be)
        raise SystemExit(f"{' '.join(cmd[:3])}... exited {code}: {err[-500:]}")
    return usage.ru_utime + usage.ru_stime


def best_of(runs, cmd):
    return min(cpu_seconds(cmd) for _ in range(runs))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("--small", type=int, default=64 << 10)
    ap.add_argument("--large", type=int, default=1 << 20)
    ap.add_argument("--max-ratio", type=float, default=20.0)
    ap.add_argument("--max-baseline-ratio", type=float, default=24.0)
    ap.add_argument("--max-seconds", type=float, default=5.0)
    ap.add_argument("--kinds", default=",".join(gen_inputs.KINDS))
    args = ap.parse_args()
    kinds = args.kinds.split(",")
    extract = [args.binary, "extract", "--max-bytes", str(2 * args.large)]
    work = tempfile.mkdtemp(prefix="dl_complexity_")
    tiny = os.path.join(work, "tiny.txt")
    with open(tiny, "w") as f:
        f.write("Talks resumed.\n")
    startup = best_of(3, extract + [tiny])
    print(f"startup (models, one-line article): {startup:.2f} s CPU")
    print(f"{'kind':<12} {'64 KB':>8} {'1 MB':>8} {'ratio':>6}  (linear: {args.large / args.small:.0f})")
    failures = []
    for kind in kinds:
        _, ext = gen_inputs.KINDS[kind]
        paths = {}
        for size in (args.small, args.large):
            paths[size] = os.path.join(work, f"{kind}-{size}{ext}")
            with open(paths[size], "wb") as f:
                f.write(gen_inputs.generate(kind, size))
        # Enough copies of the small input for about a second of work.
        once = max(cpu_seconds(extract + [paths[args.small]]) - startup, 0.005)
        copies = int(min(64, max(4, math.ceil(1.0 / once))))
        small = max(best_of(2, extract + [paths[args.small]] * copies) - startup, 0.0) / copies
        large = max(cpu_seconds(extract + [paths[args.large]]) - startup, 0.0)
        pathological = kind != "prose"

        max_ratio = args.max_ratio if pathological else args.max_baseline_ratio

        def failing(large_time):
            ratio = large_time / max(small, 1e-6)
            # Under a quarter second at 1 MB, noise decides the ratio and nothing is slow.
            too_slow = large_time >= 0.25 and ratio > max_ratio
            return too_slow or (pathological and large_time > args.max_seconds)

        for _ in range(2):  # two more measurements before calling it a failure
            if not failing(large):
                break
            large = min(large, max(cpu_seconds(extract + [paths[args.large]]) - startup, 0.0))
        ratio = large / max(small, 1e-6)
        bad = failing(large)
        print(f"{kind:<12} {small:8.3f} {large:8.2f} {ratio:6.1f}{'  FAIL' if bad else ''}"
              f"{'' if pathological else '  (baseline)'}")
        if bad:
            failures.append(kind)
    if failures:
        print(f"FAIL: {', '.join(failures)} (ratio over {args.max_ratio:g}, baseline over "
              f"{args.max_baseline_ratio:g}, or over "
              f"{args.max_seconds:g} s at {args.large >> 20} MB)")
        return 1
    print("all kinds linear")
    return 0


if __name__ == "__main__":
    sys.exit(main())
