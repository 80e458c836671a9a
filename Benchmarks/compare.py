#!/usr/bin/env python3
"""Time several commands in rotation, for A/B comparisons on a noisy machine.

Usage:
  compare.py [--runs N] COMMAND [ARG ...] -- COMMAND [ARG ...] [-- ...]

Each round runs every command once, starting with a different one each
round, so that a slow spell of the machine falls on all of them alike
(run.sh times one tool's runs back to back, which is fine for large ratios
but not for telling two builds apart). Standard output goes to /dev/null.
Prints, per command, the median, minimum and quartiles of the wall times,
and the median processor time (user and system, all threads): a program on
two threads can keep its wall time while it spends more processor time,
which shows in the slow spells of a shared machine.

Example, the previous build against this one on the 300 pair:
  compare.py --runs 30 /tmp/resodiff-before Benchmarks/corpus/c300/old.txt \\
      Benchmarks/corpus/c300/new.txt -- .build/release/resodiff \\
      Benchmarks/corpus/c300/old.txt Benchmarks/corpus/c300/new.txt
"""
import importlib.util
import os
import statistics
import subprocess
import sys
import time


def _timeit():
    """Benchmarks/timeit.py, loaded under another name than Python's own timeit."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "timeit.py")
    spec = importlib.util.spec_from_file_location("resodiff_timeit", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(argv):
    runs = 20
    if argv[:1] == ["--runs"]:
        runs = int(argv[1])
        argv = argv[2:]
    if not argv or argv[0] in ("-h", "--help"):
        try:
            print(__doc__.strip())
        except BrokenPipeError:
            pass
        return 0 if argv else 2
    commands = _timeit().split_commands(argv)
    if any(not c for c in commands):
        print("compare.py: an empty command (see --help)", file=sys.stderr)
        return 2
    times = [[] for _ in commands]
    cpu = [[] for _ in commands]
    with open(os.devnull, "w") as null:
        for r in range(runs):
            order = list(range(len(commands)))
            order = order[r % len(order):] + order[:r % len(order)]
            for c in order:
                start = time.perf_counter()
                process = subprocess.Popen(commands[c], stdout=null, stderr=null)
                _, _, usage = os.wait4(process.pid, 0)
                times[c].append(time.perf_counter() - start)
                cpu[c].append(usage.ru_utime + usage.ru_stime)
    for command, t, c in zip(commands, times, cpu):
        t.sort()
        quartile = lambda q: t[min(len(t) - 1, int(q * len(t)))] * 1000
        print(f"median {statistics.median(t) * 1000:7.1f} ms  min {t[0] * 1000:7.1f}  "
              f"p25 {quartile(0.25):7.1f}  p75 {quartile(0.75):7.1f}  "
              f"cpu {statistics.median(c) * 1000:7.1f}  {' '.join(command)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
