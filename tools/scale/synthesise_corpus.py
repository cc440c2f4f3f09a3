#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Writes N synthetic articles (JSON Lines on stdout) by recombining the articles of a corpus.

For the scale benchmarks (bench/ingest_scale.sh): article i keeps the title, outlet and date
of source article i mod n and its first and last paragraphs, and takes its middle paragraphs,
as many bytes of them as it had, from other source articles chosen by a seeded generator, so that every article's text (and
content hash) is new while its length, vocabulary and quotations stay those of real news.
The output is derived from texts that belong to others: write it to a scratch folder, never
into the repository.

    tools/scale/synthesise_corpus.py ../shared/data/polnear/train.jsonl --count 10000 > /tmp/c.jsonl
"""
import argparse
import json
import random
import sys


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("source", help="JSON Lines articles with text (PolNeAR train)")
    ap.add_argument("--count", type=int, required=True, help="articles to write")
    ap.add_argument("--seed", type=int, default=19)
    args = ap.parse_args()
    sources = []
    with open(args.source, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                a = json.loads(line)
                paragraphs = [p for p in a["text"].split("\n\n") if p.strip()]
                sources.append((a, paragraphs))
    rng = random.Random(args.seed)
    out = sys.stdout
    for i in range(args.count):
        base, paragraphs = sources[i % len(sources)]
        # The middle: paragraphs of other articles, from a random one onwards, until it is
        # as long as the base article's middle was.
        want = max(1, sum(len(p) for p in paragraphs[1:-1]))
        middle = []
        while sum(len(p) for p in middle) < want:
            _, donor = sources[rng.randrange(len(sources))]
            start = rng.randrange(len(donor))
            for p in donor[start:]:
                middle.append(p)
                if sum(len(p) for p in middle) >= want:
                    break
        body = [paragraphs[0]] + middle + (paragraphs[-1:] if len(paragraphs) > 1 else [])
        article = {
            "id": "synth-%06d" % i,
            "title": base.get("title"),
            "outlet": base.get("publisher"),
            "published": base.get("date"),
            "text": "\n\n".join(body),
        }
        out.write(json.dumps(article, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
