#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Analyse a corpus on a Dask cluster and load the results into one dateline store.

The recipe of docs/SCALE.md: the corpus (JSON Lines files, one article a line) is split into
shard files; each shard is streamed through `dateline extract --with record -` on a Dask
worker (a subprocess reading the shard on stdin and writing one JSON line per article as it
goes); then `dateline import` loads the extracted shards, in shard order, into the store
named by --db (an SQLite file or, where the build has it, a PostgreSQL URL: it is passed on
as given).

Importing in shard order makes the store the one `dateline ingest SHARD_DIR` makes in one
process: the people across articles are linked in the order articles are stored.

Runs with Debian's python3-distributed (/usr/bin/python3):
    tools/scale/dask_ingest.py --dateline build/release/apps/cli/dateline \
        --db corpus.db --workers 2 --shards /tmp/shards corpus.jsonl
Exit code: 0, 1 when some articles could not be read (named on stderr, kept in the store's
diagnostics), 3 when a shard could not be extracted or the import failed.
"""
import argparse
import os
import shutil
import subprocess
import sys
import threading


def split_corpus(corpus, shard_dir, shard_lines):
    """Writes the lines of the corpus files, in order, to shard files of shard_lines lines
    each (shard_dir/part-00000.jsonl, ...) and returns their paths. Blank lines are dropped."""
    os.makedirs(shard_dir, exist_ok=True)
    shards, out, count = [], None, 0
    for path in corpus:
        with open(path, "rb") as f:
            for line in f:
                if not line.strip():
                    continue
                if out is None or count == shard_lines:
                    if out:
                        out.close()
                    shards.append(os.path.join(shard_dir, "part-%05d.jsonl" % len(shards)))
                    out, count = open(shards[-1], "wb"), 0
                out.write(line if line.endswith(b"\n") else line + b"\n")
                count += 1
    if out:
        out.close()
    return shards


def extract_shard(dateline, shard, out_path, extract_args):
    """Runs on a worker: streams the shard through `dateline extract -` and writes its
    output to out_path. Returns (shard, exit code, lines written, stderr's last lines)."""
    command = [dateline, "extract", "--quiet", "--with", "record", "--stdin-name", shard]
    command += extract_args + ["-"]
    with open(out_path, "wb") as out:
        proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=out,
                                stderr=subprocess.PIPE)
        errors = []
        reader = threading.Thread(target=lambda: errors.extend(proc.stderr.readlines()))
        reader.start()
        with open(shard, "rb") as f:  # the shard, a line at a time, as RDD.pipe would send it
            for line in f:
                proc.stdin.write(line)
        proc.stdin.close()
        rc = proc.wait()
        reader.join()
    with open(out_path, "rb") as f:
        lines = sum(1 for _ in f)
    return shard, rc, lines, b"".join(errors[-5:]).decode("utf-8", "replace")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="+", help="JSON Lines files, one article object a line")
    ap.add_argument("--dateline", default=shutil.which("dateline") or "dateline",
                    help="the dateline binary (default: on PATH)")
    ap.add_argument("--db", required=True, help="the store: an SQLite file or a database URL")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                    help="Dask workers of the local cluster, one process each (default: cores)")
    ap.add_argument("--scheduler", help="address of a running Dask scheduler instead of a "
                    "local cluster (tcp://host:8786); shards and outputs must then be on a "
                    "file system every worker sees")
    ap.add_argument("--shards", required=True,
                    help="folder for the shards (SHARDS/in) and their output (SHARDS/out)")
    ap.add_argument("--shard-lines", type=int, default=1000, help="articles per shard")
    ap.add_argument("--extract-args", default="",
                    help="more flags for extract, e.g. '--models m/ --anchor-date 2026-01-01'")
    args = ap.parse_args()

    from dask.distributed import Client, LocalCluster  # Debian's python3-distributed

    dateline = os.path.abspath(args.dateline) if os.sep in args.dateline else args.dateline
    # SHARDS/in holds the shards (what `dateline ingest SHARDS/in` would read in one
    # process), SHARDS/out what extract made of each.
    shards = split_corpus(args.corpus, os.path.join(args.shards, "in"), args.shard_lines)
    os.makedirs(os.path.join(args.shards, "out"), exist_ok=True)
    outputs = [os.path.join(args.shards, "out", os.path.basename(s)) for s in shards]
    extra = args.extract_args.split()
    if args.scheduler:
        cluster, client = None, Client(args.scheduler)
    else:
        # One process per worker and one thread each: extract runs with --threads 1, so N
        # workers keep N cores busy.
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        futures = client.map(extract_shard, [dateline] * len(shards), shards, outputs,
                             [extra + ["--threads", "1"]] * len(shards), pure=False)
        results = client.gather(futures)
    finally:
        client.close()
        if cluster:
            cluster.close()

    broken = [r for r in results if r[1] not in (0, 1)]
    for shard, rc, _, err in broken:
        print("dask_ingest: %s: extract exited %d: %s" % (shard, rc, err.strip()),
              file=sys.stderr)
    if broken:
        return 3
    articles = sum(r[2] for r in results)
    print("dask_ingest: %d shards extracted on %s (%d lines)"
          % (len(shards), args.scheduler or "%d local workers" % args.workers, articles),
          file=sys.stderr)
    rc = subprocess.call([dateline, "import", "--quiet", "--db", args.db] + outputs)
    if rc not in (0, 1):
        return 3
    return 1 if rc == 1 or any(r[1] == 1 for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
