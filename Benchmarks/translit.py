#!/usr/bin/env python3
"""Derives a text in another script from an English one, word by word.

Usage: Benchmarks/translit.py fr|ru|zh IN OUT

Every occurrence of a word becomes the same word of the other script, so a
compilation pair derived this way keeps the structure and the changes of the
English pair, in the bytes of the United Nations' other official languages:
  fr  accented Latin: some vowels and c of each word accented (é, à, ô, î, ù, ç),
      chosen by a hash of the word (about one letter in six);
  ru  Cyrillic: every letter transliterated (two bytes a letter);
  zh  CJK: every word one or two ideographs (three bytes each), still
      separated by spaces.
Symbols (A/RES/75/68), numbers and single capitals stay as they are. Not a
translation: the opening phrases and the header's English words are gone,
as they are in a real translation. Standard library only; deterministic.
"""
import re, sys, zlib

CYR = dict(zip("abcdefghijklmnopqrstuvwxyz", "абцдефгхийклмнопкрстуввкыз"))
def word_hash(w): return zlib.crc32(w.encode())

def ru(w):
    out = []
    for ch in w:
        lo = ch.lower()
        c = CYR.get(lo, ch)
        out.append(c.upper() if ch.isupper() else c)
    return "".join(out)

ACC = {"e": "é", "a": "à", "o": "ô", "i": "î", "u": "ù", "c": "ç"}
def fr(w):
    h = word_hash(w.lower())
    out = []
    for k, ch in enumerate(w):
        lo = ch.lower()
        if lo in ACC and (h >> (k % 16)) & 3 == 0:
            c = ACC[lo]
            out.append(c.upper() if ch.isupper() else c)
        else:
            out.append(ch)
    return "".join(out)

def zh(w):
    h = word_hash(w.lower())
    n = 1 + h % 2
    return "".join(chr(0x4E00 + (h >> (8 * k)) % 0x5000) for k in range(n))

def convert(text, f):
    # Words of letters only; symbols with digits or slashes (A/RES/75/68) stay as they are.
    return re.sub(r"(?<![\w/])[A-Za-z]+(?![\w/])", lambda m: f(m.group(0)) if len(m.group(0)) > 1 or m.group(0).islower() else m.group(0), text)

if __name__ == "__main__":
    kind, src, dst = sys.argv[1], sys.argv[2], sys.argv[3]
    f = {"ru": ru, "fr": fr, "zh": zh}[kind]
    with open(src, encoding="utf-8") as i, open(dst, "w", encoding="utf-8") as o:
        o.write(convert(i.read(), f))
