#!/usr/bin/env python3
"""Run a command several times; print its median wall time and peak memory.

Usage:
  timeit.py [--runs N] [--warmup N] [--pause S] [--timeout S] [--budget S]
            [--ok STATUSES] [--tsv] -- COMMAND [ARG ...] [-- COMMAND [ARG ...] ...]

With several commands (each after its own "--"), they are timed in
rotation: each round runs every command once, starting with a different
one each round, so that a slow spell of the machine falls on all of them
alike rather than on whichever ran during it. Each command still gets its
own warm-up, figures and status, printed in the order given.

The command's standard output goes to /dev/null (standard error is kept, so
that a failure can be read). Each run is timed on the wall clock, from just
before the process is spawned to just after it is reaped, so process start-up
is included, as a user would see it.

Peak memory is the maximum resident set size, in KiB, measured by GNU time
(/usr/bin/time -f %M) on the warm-up runs, which are not timed; with
--warmup 0 the first timed run is measured that way instead (GNU time then adds its own
start-up, about a millisecond, to that one run). Without GNU time (Debian
and Ubuntu: apt-get install time) the figure falls back to the kernel's
accounting of each reaped child (os.wait4), which on Linux never reads below
this helper's own size (~15 MiB; a vforked child inherits its parent's high
water mark across exec), so small figures are then upper bounds.

Options:
  --runs N       timed runs (default 5)
  --warmup N     untimed runs first, to warm the page cache and measure
                 memory (default 1); a warm-up that alone exceeds --budget
                 is counted as the only timed run
  --pause S      sleep S seconds before each timed run, so that each is a
                 one-off run as a user makes it, not one of a quick series
                 (on a virtual machine, memory freed more than about two
                 seconds earlier may go back to the host, and the next
                 program to use it pays for it again; default 0)
  --timeout S    a run taking longer than S seconds is killed and the
                 measurement reported as "> S s" (default 600)
  --budget S     stop adding runs once the timed runs have taken S seconds
                 in all (at least one run is always made; default: none)
  --ok LIST      exit statuses that count as success, comma-separated
                 (default 0,1: diff tools exit 1 when the inputs differ)
  --tsv          print one machine-readable line a command instead of a sentence:
                 status<TAB>median_s<TAB>min_s<TAB>max_s<TAB>peak_kib<TAB>runs<TAB>mem
                 where status is ok, timeout or error:<exit status>, and mem
                 says how the peak was measured: gnu-time or wait4
                 (peak_kib is -1 when unknown, e.g. after a timeout)

Exit status: 0 when every run succeeded, 1 on a timeout, 2 on a failed run
(of any command).
Standard library only.
"""
import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time

GNU_TIME = "/usr/bin/time"


def has_gnu_time():
    """True when /usr/bin/time is GNU time (which knows -f %M)."""
    try:
        probe = subprocess.run([GNU_TIME, "--version"], capture_output=True,
                               text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return False
    return "GNU" in probe.stdout + probe.stderr


def run_measured(command, timeout):
    """Runs `command` once under GNU time; returns run_once's triple with GNU time's %M."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        seconds, status, rss = run_once(
            [GNU_TIME, "-f", "%M", "-o", report.name, "--"] + command, timeout)
        lines = [l for l in report.read().split("\n") if l.strip()]
    # GNU time writes "Command exited with non-zero status N" before the figure.
    # A killed run leaves no figure: the peak is then unknown (-1).
    rss = int(lines[-1]) if lines and lines[-1].strip().isdigit() else -1
    return seconds, status, rss


def run_once(command, timeout):
    """Runs `command` once; returns (seconds, exit status or None on timeout, maxrss KiB)."""
    start = time.perf_counter()
    # A process group of its own, so that a timeout kills whatever it spawned too.
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL,
                               stdin=subprocess.DEVNULL, start_new_session=True)
    deadline = start + timeout
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid != 0:
            elapsed = time.perf_counter() - start
            process.returncode = os.waitstatus_to_exitcode(status)
            return elapsed, process.returncode, usage.ru_maxrss
        now = time.perf_counter()
        if now >= deadline:
            os.killpg(process.pid, signal.SIGKILL)
            _, _, usage = os.wait4(process.pid, 0)
            process.returncode = -signal.SIGKILL
            return now - start, None, usage.ru_maxrss
        # Poll finely at first (short commands), coarsely later (long ones).
        time.sleep(0.0002 if now - start < 0.05 else 0.005)


class Measurement:
    """One command's runs: its figures so far, and how it ended."""

    def __init__(self, command):
        self.command = command
        self.times = []
        self.peak = -1
        self.measured = False  # GNU time has read its peak
        self.status = None  # None while runs go on; then "ok", "timeout" or "error:N"

    def done(self):
        return self.status is not None


def split_commands(words):
    """The commands after each "--" (a leading "--" is optional)."""
    if words[:1] == ["--"]:
        words = words[1:]
    commands, current = [], []
    for word in words:
        if word == "--":
            commands.append(current)
            current = []
        else:
            current.append(word)
    commands.append(current)
    return commands


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--pause", type=float, default=0)
    ap.add_argument("--timeout", type=float, default=600)
    ap.add_argument("--budget", type=float, default=None)
    ap.add_argument("--ok", default="0,1")
    ap.add_argument("--tsv", action="store_true")
    ap.add_argument("command", nargs=argparse.REMAINDER)
    args = ap.parse_args()
    commands = split_commands(args.command)
    if any(not c for c in commands):
        ap.error("no command given" if len(commands) == 1 else "an empty command between two '--'")
    ok = {int(s) for s in args.ok.split(",") if s}
    gnu_time = has_gnu_time()
    memory_source = "gnu-time" if gnu_time else "wait4"
    if not gnu_time and not args.tsv:
        sys.stderr.write("timeit.py: GNU time not found at %s; peak memory from "
                         "wait4 (never below ~15 MiB). apt-get install time\n"
                         % GNU_TIME)

    def report(m):
        status, times, peak = m.status, m.times, m.peak
        if args.tsv:
            if times:
                cells = [statistics.median(times), min(times), max(times)]
            else:
                cells = [float("nan")] * 3
            print("\t".join([status] + ["%.6f" % c for c in cells]
                            + [str(peak), str(len(times)), memory_source]))
            return
        prefix = " ".join(m.command) + ": " if len(commands) > 1 else ""
        if status == "timeout":
            print(prefix + "> %g s (timed out)" % args.timeout)
        elif status.startswith("error"):
            print(prefix + "failed with exit status %s" % status.split(":", 1)[1])
        else:
            print(prefix + "median %.4f s (min %.4f, max %.4f, %d runs), peak %s"
                  % (statistics.median(times), min(times), max(times),
                     len(times), "%.1f MiB" % (peak / 1024) if peak > 0 else "unknown"))

    def settle(m, seconds, status):
        """Records a run's outcome; true when the command is done."""
        if status is None:
            m.status, m.times = "timeout", []
        elif status not in ok:
            m.status = "error:%d" % status
        return m.done()

    measurements = [Measurement(c) for c in commands]
    # Warm-ups, each command's own, in the order given. With GNU time, only its
    # figures count (wait4's carry this helper's floor).
    for m in measurements:
        for _ in range(args.warmup):
            if gnu_time:
                seconds, status, rss = run_measured(m.command, args.timeout)
                m.measured = True
            else:
                seconds, status, rss = run_once(m.command, args.timeout)
            m.peak = max(m.peak, rss)
            if settle(m, seconds, status):
                break
            if args.budget is not None and seconds > args.budget:
                # One warm-up already costs the whole budget: count it as the run.
                m.times, m.status = [seconds], "ok"
                break

    # Timed runs in rotation: round r starts with command r (mod their number).
    n = len(measurements)
    for r in range(max(1, args.runs)):
        for k in range(n):
            m = measurements[(r + k) % n]
            if m.done():
                continue
            if args.pause > 0:
                time.sleep(args.pause)
            if gnu_time and not m.measured:
                seconds, status, rss = run_measured(m.command, args.timeout)
                m.measured = True
                m.peak = max(m.peak, rss)
            else:
                seconds, status, rss = run_once(m.command, args.timeout)
                if not gnu_time:
                    m.peak = max(m.peak, rss)
            if settle(m, seconds, status):
                continue
            m.times.append(seconds)
            if args.budget is not None and sum(m.times) >= args.budget:
                m.status = "ok"
    for m in measurements:
        if m.status is None:
            m.status = "ok"
        report(m)
    if any(m.status.startswith("error") for m in measurements):
        return 2
    return 1 if any(m.status == "timeout" for m in measurements) else 0


if __name__ == "__main__":
    sys.exit(main())
