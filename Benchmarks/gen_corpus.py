#!/usr/bin/env python3
"""Generate resolution-like documents in two sessions' versions, for benchmarks.

The text is synthetic: a word-level Markov chain trained on the sample
resolution (Samples/A-RES-75-68.txt), laid out the way General Assembly
resolutions are (header, preambular paragraphs, numbered operative paragraphs,
sub-paragraphs, closing plenary line). The newer version of each resolution is
derived from the older one by the edits that drafting committees make between
sessions: routine session/date updates, inserted, deleted, reworded, moved,
split and merged paragraphs, and the renumbering that follows.

Usage:
  gen_corpus.py OUT_DIR [--resolutions N] [--seed S] [--wrap-share F]
                        [--unrelated]

Writes:
  OUT_DIR/old/NNNN.txt, OUT_DIR/new/NNNN.txt  one resolution per file
  OUT_DIR/old.txt, OUT_DIR/new.txt            all of them, concatenated
                                              (like a session's compilation)
  OUT_DIR/edits.json                          the edits applied, per file
--unrelated makes new/ an independent corpus (a worst case for any diff).
Deterministic for a given seed. Standard library only.

Copied from the project's shared material (../shared/bench/gen_corpus.py
beside the repository) so that the repository stands on its own; the only
change is the sample path, which now points at this repository's
Samples/A-RES-75-68.txt.
"""
import argparse
import json
import os
import random
import re
import textwrap

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLE = os.path.join(HERE, "..", "Samples", "A-RES-75-68.txt")

ORDINALS = ["seventieth", "seventy-first", "seventy-second", "seventy-third",
            "seventy-fourth", "seventy-fifth", "seventy-sixth",
            "seventy-seventh", "seventy-eighth", "seventy-ninth", "eightieth",
            "eighty-first", "eighty-second"]
CAP_ORD = [o[0].upper() + o[1:] for o in ORDINALS]
PREAMBLE_VERBS = ["Recalling", "Recalling also", "Recognizing", "Reaffirming",
                  "Stressing", "Stressing also", "Noting", "Noting with concern",
                  "Welcoming", "Concerned", "Deeply concerned", "Mindful",
                  "Bearing in mind", "Taking note", "Emphasizing", "Convinced",
                  "Acknowledging", "Expressing concern", "Underlining",
                  "Believing", "Affirming", "Guided"]
OPERATIVE_VERBS = ["Urges", "Calls upon", "Calls for", "Requests", "Decides",
                   "Encourages", "Welcomes", "Notes", "Invites", "Reaffirms",
                   "Emphasizes", "Supports", "Considers", "Stresses",
                   "Expresses the need", "Underlines", "Recognizes",
                   "Strongly urges", "Further requests", "Also encourages"]
MONTHS = ["October", "November", "December"]
TITLES = ["arms control", "nuclear disarmament", "outer space security",
          "small arms and light weapons", "chemical weapons", "verification",
          "confidence-building measures", "regional disarmament",
          "missile technology", "information security", "biological weapons",
          "transparency in armaments", "nuclear-weapon-free zones",
          "disarmament education", "cluster munitions", "landmines"]


def train(text):
    text = re.sub(r"[*\u201c\u201d]", " ", text)
    words = re.findall(r"[A-Za-z][A-Za-z'-]*|[,]", text)
    chain = {}
    for a, b, c in zip(words, words[1:], words[2:]):
        chain.setdefault((a, b), []).append(c)
    return words, chain


class Writer:
    def __init__(self, rng, words, chain):
        self.rng, self.words, self.chain = rng, words, chain
        self.keys = [k for k in chain if k[0][0].islower() and k[1] != ","]

    def phrase(self, n):
        rng = self.rng
        a, b = rng.choice(self.keys)
        out = [a, b]
        while len(out) < n:
            nxt = self.chain.get((a, b))
            if not nxt:
                a, b = rng.choice(self.keys)
                continue
            c = rng.choice(nxt)
            if c == "," and out[-1] == ",":
                continue
            out.append(c)
            a, b = b, c
        s = " ".join(out)
        s = re.sub(r" ([,;:.)])", r"\1", s)
        s = re.sub(r"\( ", "(", s)
        s = re.sub(r",(\s*,)+", ",", s)
        return s.strip(" ,")

    def preambular(self):
        return "%s %s," % (self.rng.choice(PREAMBLE_VERBS),
                           self.phrase(self.rng.randint(12, 60)))

    def operative(self):
        rng = self.rng
        body = "%s %s" % (rng.choice(OPERATIVE_VERBS),
                          self.phrase(rng.randint(10, 70)))
        subs = []
        if rng.random() < 0.12:
            subs = [self.phrase(rng.randint(8, 30))
                    for _ in range(rng.randint(2, 5))]
        return body, subs


def make_resolution(w, number, session):
    rng = w.rng
    title = "%s: %s" % (rng.choice(["General and complete disarmament",
                                    "Review and implementation",
                                    "International security"]),
                        rng.choice(TITLES))
    pre = [w.preambular() for _ in range(rng.randint(5, 22))]
    ops = [w.operative() for _ in range(rng.randint(4, 28))]
    return {"title": title, "number": number, "session": session,
            "item": rng.randint(90, 110), "day": rng.randint(1, 14),
            "month": rng.choice(MONTHS), "meeting": rng.randint(30, 60),
            "pre": pre, "ops": ops}


def ordinal(n):
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(
        n % 10, "th")
    return "%d%s" % (n, suffix)


def session_year(session):
    return 1945 + session


def render(res, wrap):
    s = res["session"]
    yr = session_year(s)
    date = "%d %s %d" % (res["day"], res["month"], yr)
    parts = ["%s session" % CAP_ORD[s - 70],
             "Agenda item %d" % res["item"],
             res["title"],
             "Resolution adopted by the General Assembly on %s" % date,
             "[on the report of the First Committee (A/%d/%d)]"
             % (s, 380 + res["number"] % 50),
             "%d/%d. %s" % (s, res["number"], res["title"]),
             "The General Assembly,"]
    parts += res["pre"]
    ops = list(res["ops"])
    last = ("Decides to include in the provisional agenda of its %s session"
            " the item entitled \u201c%s\u201d" % (ORDINALS[s + 2 - 70],
                                                  res["title"]))
    ops.append((last, []))
    for i, (body, subs) in enumerate(ops, 1):
        end = "." if i == len(ops) else ";"
        if subs:
            parts.append("%d. %s:" % (i, body))
            for j, sub in enumerate(subs):
                tail = ";" if j < len(subs) - 1 else end
                parts.append("(%s) %s%s" % ("abcdefghij"[j], sub, tail))
        else:
            parts.append("%d. %s%s" % (i, body, end))
    parts.append("%s plenary meeting\n%s" % (ordinal(res["meeting"]), date))
    if wrap:
        parts = [textwrap.fill(p, 72) if "\n" not in p else p for p in parts]
    return "\n\n".join(parts) + "\n"


def reword(w, text):
    """A word-level rewording: insert, delete or replace a short phrase."""
    rng = w.rng
    toks = text.split(" ")
    if len(toks) < 6:
        return text + " " + w.phrase(4)
    kind = rng.choice(["insert", "delete", "replace", "replace"])
    i = rng.randint(1, len(toks) - 3)
    n = rng.randint(1, 4)
    if kind == "insert":
        toks[i:i] = w.phrase(rng.randint(2, 9)).split(" ")
    elif kind == "delete":
        del toks[i:i + n]
    else:
        toks[i:i + n] = w.phrase(rng.randint(1, 5)).split(" ")
    return " ".join(toks)


def evolve(w, res):
    """Derive the next session's version of a resolution; record the edits."""
    rng = w.rng
    new = dict(res, session=res["session"] + 2,
               number=rng.randint(20, 250), meeting=rng.randint(30, 60),
               day=rng.randint(1, 14), pre=list(res["pre"]),
               ops=[(b, list(s)) for b, s in res["ops"]])
    edits = [{"kind": "session-update"}]
    if rng.random() < 0.5:
        new["pre"].insert(0, "Recalling its resolution %d/%d of %d %s %d,"
                          % (res["session"], res["number"], res["day"],
                             res["month"], session_year(res["session"])))
        edits.append({"kind": "added", "part": "pre", "at": 0})
    for _ in range(rng.randint(0, 3)):
        part = rng.choice(["pre", "ops"])
        seq = new[part]
        if not seq:
            continue
        i = rng.randrange(len(seq))
        action = rng.choice(["reword", "reword", "reword", "add", "remove",
                             "move", "verb", "split", "merge"])
        if action == "reword":
            if part == "pre":
                seq[i] = reword(w, seq[i])
            else:
                seq[i] = (reword(w, seq[i][0]), seq[i][1])
        elif action == "verb" and part == "ops":
            body = seq[i][0]
            for v in sorted(OPERATIVE_VERBS, key=len, reverse=True):
                if body.startswith(v + " "):
                    body = rng.choice(OPERATIVE_VERBS) + body[len(v):]
                    break
            seq[i] = (body, seq[i][1])
        elif action == "add":
            seq.insert(i, w.preambular() if part == "pre" else w.operative())
        elif action == "remove" and len(seq) > 2:
            seq.pop(i)
        elif action == "move" and len(seq) > 3:
            item = seq.pop(i)
            seq.insert(rng.randrange(len(seq) + 1), item)
        elif action == "split" and part == "ops" and not seq[i][1]:
            body = seq[i][0]
            toks = body.split(" ")
            if len(toks) > 16:
                cut = len(toks) // 2
                seq[i] = (" ".join(toks[:cut]), [])
                seq.insert(i + 1, (rng.choice(OPERATIVE_VERBS) + " "
                                   + " ".join(toks[cut:]), []))
        elif action == "merge" and part == "ops" and i + 1 < len(seq):
            a, b = seq[i], seq[i + 1]
            if not a[1] and not b[1]:
                seq[i] = (a[0] + ", and " + b[0][0].lower() + b[0][1:], [])
                seq.pop(i + 1)
        else:
            continue
        edits.append({"kind": action, "part": part, "at": i})
    return new, edits


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("--resolutions", type=int, default=300)
    ap.add_argument("--seed", type=int, default=75)
    ap.add_argument("--wrap-share", type=float, default=0.3,
                    help="share of resolutions hard-wrapped at 72 columns")
    ap.add_argument("--unrelated", action="store_true")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    with open(SAMPLE, encoding="utf-8") as f:
        words, chain = train(f.read())
    w = Writer(rng, words, chain)
    for sub in ("old", "new"):
        os.makedirs(os.path.join(args.out, sub), exist_ok=True)
    olds, news, log = [], [], {}
    for n in range(args.resolutions):
        res = make_resolution(w, rng.randint(20, 250), 75)
        if args.unrelated:
            new, edits = make_resolution(w, rng.randint(20, 250), 77), \
                [{"kind": "unrelated"}]
        else:
            new, edits = evolve(w, res)
        wrap = rng.random() < args.wrap_share
        name = "%04d.txt" % n
        a, b = render(res, wrap), render(new, wrap)
        for sub, text in (("old", a), ("new", b)):
            with open(os.path.join(args.out, sub, name), "w",
                      encoding="utf-8") as f:
                f.write(text)
        olds.append(a)
        news.append(b)
        log[name] = edits
    for name, texts in (("old.txt", olds), ("new.txt", news)):
        with open(os.path.join(args.out, name), "w", encoding="utf-8") as f:
            f.write("\n\n".join(texts))
    with open(os.path.join(args.out, "edits.json"), "w") as f:
        json.dump(log, f, indent=1)


if __name__ == "__main__":
    main()
