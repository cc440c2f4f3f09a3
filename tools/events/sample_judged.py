#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Draws a fixed random sample of the events `dateline extract` wrote, for judging.

Usage:
  python3 tools/events/sample_judged.py EXTRACT.jsonl --n 300 --seed SEED \
      [--previous data/judged/OLD.tsv] > sample.tsv

EXTRACT.jsonl is `dateline extract ARTICLES --format jsonl`. Every event is listed by article
and trigger (the `action` span) in text order, the list is shuffled with Python's
random.Random(SEED) and the first N are kept, written back in article and offset order as rows
of the judgements format (docs/EVENTS.md, "Judged precision"): doc, begin, end, then the
judgement columns. A row whose trigger span equals one judged in --previous keeps that
judgement; the others get "TODO" to be judged by hand. Offsets and labels only: no text.
"""
import argparse
import json
import random
import sys


def read_events(path):
    events = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            try:
                record = json.loads(line)
            except json.JSONDecodeError as e:
                sys.exit(f"{path}:{n}: not JSON: {e}")
            doc = record["doc"]["id"]
            for e in record.get("events", []):
                events.append((doc, e["action"]["start"], e["action"]["end"]))
    return events


def read_previous(path):
    judged = {}
    if not path:
        return judged
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) != 9:
                sys.exit(f"{path}:{n}: expected 9 columns, found {len(cols)}")
            judged[(cols[0], int(cols[1]), int(cols[2]))] = cols[3:]
    return judged


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("extract")
    ap.add_argument("--n", type=int, required=True)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--previous", default="")
    args = ap.parse_args()
    events = read_events(args.extract)
    sample = list(events)
    random.Random(args.seed).shuffle(sample)
    sample = sorted(sample[: args.n])
    previous = read_previous(args.previous)
    kept = 0
    for key in sample:
        cols = previous.get(key)
        if cols:
            kept += 1
        else:
            cols = ["TODO", "-", "-", "?", "?", ""]
        print("\t".join([key[0], str(key[1]), str(key[2])] + cols))
    print(f"sample_judged: {len(sample)} of {len(events)} events; {kept} keep an earlier "
          f"judgement", file=sys.stderr)


if __name__ == "__main__":
    main()
