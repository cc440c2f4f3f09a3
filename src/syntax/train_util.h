// SPDX-License-Identifier: Apache-2.0
#pragma once
// Helpers shared by the tagger and parser trainers.

#include <cstdint>
#include <functional>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "dateline/status.h"
#include "text/conllu.h"

namespace dateline::syntax {

class Tagger;
class ClusterFeatures;

/// Reads and concatenates CoNLL-U files; an unknown UPOS tag or relation is kBadInput naming
/// the file and line (vocab.h).
Result<std::vector<text::ConlluSentence>> read_treebanks(const std::vector<std::string>& paths);

/// "a.conllu b.conllu": file names without their folders (for model headers).
std::string join_basenames(const std::vector<std::string>& paths);

/// Fisher-Yates with our own index draws, so the order does not depend on the standard
/// library's std::shuffle (training must be reproducible across toolchains).
void shuffle(std::vector<size_t>& v, std::mt19937_64& rng);

/// Word-level tagging accuracy on gold tokens (counts).
struct TaggerScores {
  size_t words = 0, upos = 0, xpos = 0, feats = 0, all_tags = 0, lemma = 0;
  double pct(size_t n) const { return words ? 100.0 * n / words : 0; }
};
TaggerScores score_tagger(const Tagger& tagger, const std::vector<text::ConlluSentence>& gold);

/// Trains a tagger in memory; with dev data keeps the best epoch by UPOS+XPOS+UFeats (and
/// reports it), without it keeps the last. Used by train_tagger() and by the parser trainer's
/// jackknife folds. With `clusters` the tagger uses (and keeps) the cluster features.
Result<Tagger> fit_tagger(const std::vector<text::ConlluSentence>& train,
                          const std::vector<text::ConlluSentence>& dev, int epochs,
                          uint64_t seed, const std::function<void(const std::string&)>& log,
                          int* kept_epoch, TaggerScores* kept_scores,
                          std::shared_ptr<const ClusterFeatures> clusters = nullptr,
                          bool verb_context = false);

}  // namespace dateline::syntax
