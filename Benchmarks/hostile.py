#!/usr/bin/env python3
"""Times resodiff on inputs of pathological shape: the hang check of
docs/RELIABILITY.md, as a command that prints figures.

Usage: Benchmarks/hostile.py [--bin PATH] [--git] [--only NAME,...]

  --bin PATH   the resodiff binary (default: .build/release/resodiff, built
               with `swift build -c release` when missing)
  --git        also time `git diff --no-index --word-diff=plain` on each pair
  --only LIST  run only the named shapes (see the table for names)

Each shape is generated into a temporary directory (deterministic: a fixed
seed), then compared once. The table gives the exit status, wall and CPU
seconds and peak memory (GNU time's: /usr/bin/time is needed) of each comparison, and
the bound the shape is held to: a shape over its bound is marked SLOW, and
the exit status is 1 when any is. Bounds are loose (a slow machine spell
must not trip them): they catch a shape turning quadratic, not a few per
cent.
"""
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

WORDS = ("peace security development rights States Members United Nations report "
         "Secretary-General session resolution cooperation international assistance "
         "programme implementation measures support efforts").split()


def words(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n))


def shapes(rng):
    """(name, description, old text, new text, bound in CPU seconds)."""
    op = "Urges all States to take further measures to strengthen cooperation on verification;\n\n"
    a = "Recalling its resolution on the strengthening of disarmament,\n\n"
    b = "Urges all States to act on verification;\n\n"
    big = [rng.choice(WORDS) for _ in range(100_000)]
    big2 = [w if rng.random() > 0.3 else rng.choice(WORDS) + "s" for w in big]
    lines = "\n".join("some words of the state-" if k % 2 == 0 else "ment here" for k in range(200_000))
    one = words(rng, 700_000)[:4 << 20]
    other = "\n".join(words(rng, 3) for _ in range(200_000))
    yield ("line4m", "one 4 MB line against an empty file",
           "peace " * ((4 << 20) // 6), "", 5)
    yield ("identical10k", "10,000 identical paragraphs against 9,999",
           op * 10_000, op * 9_999, 5)
    yield ("token1m", "1 MB of one token against the same with one word added",
           "peace " * 170_000, "peace " * 85_000 + "war " + "peace " * 85_000, 5)
    yield ("alternating", "10,000 paragraphs alternating between two texts, shifted by one",
           (a + b) * 5_000, (b + a) * 5_000, 5)
    yield ("words100k", "a 100,000-word paragraph with 30 % of its words changed",
           " ".join(big) + "\n", " ".join(big2) + "\n", 10)
    yield ("numbers200k", "200,000 numbers in one paragraph, one changed",
           " ".join(str(k % 1000) for k in range(200_000)),
           " ".join(str(k % 1000) if k != 100_000 else "x" for k in range(200_000)), 5)
    yield ("accented200k", "a paragraph opening with a 200,000-letter non-ASCII word, one word changed",
           "É" + "é" * 200_000 + " et cetera", "É" + "é" * 200_000 + " et alia", 5)
    yield ("lines200k", "one paragraph of 200,000 lines without a blank line, one line changed",
           "Recalling " + lines + ",", "Recalling " + lines.replace("ment here", "ment there", 1) + ",", 10)
    yield ("unrelated4m", "two unrelated single paragraphs of 4 and 5 MB, one vocabulary of 20 words",
           one + "\n", other + "\n", 60)


def run(cmd, work):
    """Runs cmd under GNU time, output discarded: (exit status, wall s, CPU s, peak MB).

    The peak is GNU time's (its own small process forks the command): the
    child of this Python process would inherit its resident-set high-water
    mark across exec.
    """
    report = os.path.join(work, "time.txt")
    proc = subprocess.run(["/usr/bin/time", "-o", report, "-f", "%e %U %S %M"] + cmd,
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(report) as f:
        fields = f.read().split()[-4:]
    wall, user, system, peak_kib = float(fields[0]), float(fields[1]), float(fields[2]), int(fields[3])
    return proc.returncode, wall, user + system, peak_kib / 1024


def main(argv):
    binary = os.path.join(ROOT, ".build", "release", "resodiff")
    with_git = False
    only = None
    args = list(argv)
    while args:
        arg = args.pop(0)
        if arg == "--bin" and args:
            binary = args.pop(0)
        elif arg == "--git":
            with_git = True
        elif arg == "--only" and args:
            only = set(args.pop(0).split(","))
        elif arg in ("-h", "--help"):
            print(__doc__.strip())
            return 0
        else:
            print(f"hostile.py: unknown argument {arg!r} (see --help)", file=sys.stderr)
            return 2
    if not os.path.exists(binary):
        build = subprocess.run(["swift", "build", "-c", "release"], cwd=ROOT)
        if build.returncode != 0:
            print("hostile.py: the release build failed", file=sys.stderr)
            return 2
    rng = random.Random(20261205)
    work = tempfile.mkdtemp(prefix="resodiff-hostile-")
    slow = False
    try:
        header = f"{'shape':<14} {'exit':>4} {'wall s':>7} {'cpu s':>7} {'peak MB':>8} {'bound':>6}"
        if with_git:
            header += f" {'git wall s':>10}"
        print(header)
        for name, description, old, new, bound in shapes(rng):
            if only is not None and name not in only:
                continue
            old_path = os.path.join(work, name + ".old.txt")
            new_path = os.path.join(work, name + ".new.txt")
            with open(old_path, "w", encoding="utf-8") as f:
                f.write(old)
            with open(new_path, "w", encoding="utf-8") as f:
                f.write(new)
            code, wall, cpu, peak = run([binary, old_path, new_path], work)
            verdict = "" if cpu <= bound and code in (0, 1) else "  SLOW" if code in (0, 1) else f"  TROUBLE"
            slow = slow or bool(verdict)
            line = f"{name:<14} {code:>4} {wall:>7.2f} {cpu:>7.2f} {peak:>8.0f} {bound:>6}"
            if with_git:
                _, git_wall, _, _ = run(["git", "diff", "--no-index", "--word-diff=plain", old_path, new_path], work)
                line += f" {git_wall:>10.2f}"
            print(line + verdict + f"   {description}", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
