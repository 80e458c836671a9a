#!/usr/bin/env python3
"""The Python standard library's answer to resodiff, for comparison.

Usage: difflib_peer.py OLD NEW

Splits both files into paragraphs at blank lines, collapses the white space
inside each paragraph (as resodiff does, so that re-wrapped text is equal),
and writes difflib.ndiff over the two paragraph lists to standard output:
whole paragraphs marked "- ", "+ " or "  ", and for similar ones the "? "
guide lines that show the changed characters, which is ndiff's nearest
thing to resodiff's word diff of a reworded paragraph.

Exit status as diff(1): 0 no differences, 1 differences, 2 trouble.
Standard library only.
"""
import difflib
import re
import sys


def paragraphs(path):
    with open(path, encoding="utf-8-sig") as f:
        text = f.read()
    blocks = re.split(r"\n[ \t\r\f\v]*\n", text)
    return [p for p in (" ".join(b.split()) for b in blocks) if p]


def main():
    if len(sys.argv) != 3:
        sys.stderr.write("usage: difflib_peer.py OLD NEW\n")
        return 2
    try:
        a, b = paragraphs(sys.argv[1]), paragraphs(sys.argv[2])
    except (OSError, UnicodeDecodeError) as error:
        sys.stderr.write("difflib_peer.py: %s\n" % error)
        return 2
    different = False
    out = sys.stdout
    try:
        for line in difflib.ndiff(a, b):
            if not line.startswith("  "):
                different = True
            out.write(line if line.endswith("\n") else line + "\n")
        out.flush()
    except BrokenPipeError:
        # The reader stopped early (e.g. head); that is not trouble.
        sys.stderr.close()
    return 1 if different else 0


if __name__ == "__main__":
    sys.exit(main())
